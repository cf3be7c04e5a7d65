import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { publicPost } from '../../account/account-api.ts';
import { accountMessageOf } from '../../account/error-text.ts';
import { takeFragmentToken } from '../../account/fragment-token.ts';
import { refresh, session } from '../../session/session.ts';

/** Confirms the address, then renews a signed-in session's token, which says whether the address is confirmed. */
async function confirm(token: string | null) {
  const answer = await publicPost('/api/auth/email/verify', { token });
  if (session.state.status === 'signed-in') await refresh().catch(() => false);
  return answer;
}

/** The link from the sign-up mail: confirms the email as soon as it opens, then offers sign-in. */
export function VerifyEmailPage() {
  const [token] = useState(takeFragmentToken);
  // A query rather than a mutation: a link works once, and the query runs once however often the page renders.
  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => confirm(token),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  if (!token) {
    return (
      <section className="auth-card card">
        <h1>Confirm your email</h1>
        <p>
          This page needs the link from the email we sent you. Open that email and select the link, or copy the whole
          link into the address bar.
        </p>
        <p>
          <Link to="/login">Sign in</Link> · <Link to="/register">Create an account</Link>
        </p>
      </section>
    );
  }
  if (verify.isPending) {
    return (
      <section className="auth-card card" aria-busy="true">
        <h1>Confirming your email…</h1>
      </section>
    );
  }
  if (verify.isError) {
    return (
      <section className="auth-card card">
        <h1>We could not confirm your email</h1>
        <p role="alert" className="bad">
          {accountMessageOf(verify.error)}
        </p>
        <p>
          If you already confirmed it, just <Link to="/login">sign in</Link>. Otherwise sign in and ask for a new link
          from your account page, or <Link to="/register">sign up again</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="auth-card card">
      <h1>Your email is confirmed</h1>
      <p role="status">Thank you. Your Tripwise account is ready.</p>
      <Link to="/login" className="button">
        Sign in
      </Link>
    </section>
  );
}
