import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { publicPost } from './account-api.ts';
import { accountMessageOf } from './error-text.ts';
import { FormError } from '../ui/field.tsx';
import { useFocusOnMount } from './use-focus-on-mount.ts';

/** After sign-up (or at sign-in with an unconfirmed email): where the link went, and a way to get a new one. */
export function CheckInbox({ email }: { email: string }) {
  const resend = useMutation({ mutationFn: () => publicPost('/api/auth/email/resend', { email }) });
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="auth-card card" aria-labelledby="check-inbox-title">
      <h1 id="check-inbox-title" ref={heading} tabIndex={-1}>
        Check your inbox
      </h1>
      <p>
        We sent a link to <strong>{email}</strong>. Open it within 24 hours to confirm your email, then sign in.
      </p>
      <p className="muted">
        Nothing there after a few minutes? Look in your spam folder, or ask for a new link. If this address already had
        an account, we emailed it how to sign in instead.
      </p>
      <div className="account-actions">
        <button type="button" className="secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
          {resend.isPending ? 'Sending…' : 'Send the link again'}
        </button>
        <Link to="/login" className="button">
          Go to sign in
        </Link>
      </div>
      {resend.isSuccess && (
        <p role="status" className="good">
          A new link is on its way.
        </p>
      )}
      <FormError message={resend.error ? accountMessageOf(resend.error) : null} />
    </section>
  );
}
