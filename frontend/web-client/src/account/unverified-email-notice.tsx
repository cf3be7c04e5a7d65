import { useMutation } from '@tanstack/react-query';
import { publicPost, type Account } from './account-api.ts';
import { accountMessageOf } from './error-text.ts';

/** Signing in does not wait for the email to be confirmed, so the account page keeps asking, with a new link. */
export function UnverifiedEmailNotice({ account }: { account: Account }) {
  const resend = useMutation({ mutationFn: () => publicPost('/api/auth/email/resend', { email: account.email }) });
  if (account.emailVerified) return null;
  return (
    <div className="notice-box" role="region" aria-label="Confirm your email">
      <p>
        <strong>Confirm your email.</strong> We sent a link to {account.email}; confirming it lets us reach you about
        your bookings and lets you reset your password.
      </p>
      {resend.isSuccess ? (
        <p role="status">A new link is on its way.</p>
      ) : (
        <button type="button" className="secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
          Send a new link
        </button>
      )}
      {resend.isError && (
        <p role="alert" className="bad">
          {accountMessageOf(resend.error)}
        </p>
      )}
    </div>
  );
}
