import { messageOf } from '../../api/api-error.ts';
import { ChangePasswordForm } from '../../account/change-password-form.tsx';
import { DeleteAccountSection } from '../../account/delete-account-section.tsx';
import { ProfileForm } from '../../account/profile-form.tsx';
import { SessionsSection } from '../../account/sessions-section.tsx';
import { TwoFactorSection } from '../../account/two-factor-section.tsx';
import { UnverifiedEmailNotice } from '../../account/unverified-email-notice.tsx';
import { useAccount } from '../../account/use-account.ts';
import { RequireSignIn } from '../../ui/require-sign-in.tsx';

const ROLE_NAMES = { traveler: 'Traveler', owner: 'Owner', admin: 'Administrator' } as const;

function AccountContent() {
  const account = useAccount();
  if (account.isPending) {
    return (
      <div aria-busy="true">
        <h1>Your account</h1>
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  }
  if (account.isError) {
    return (
      <section className="empty-state" role="alert">
        <h1>Your account could not be loaded</h1>
        <p>{messageOf(account.error)}</p>
        <button type="button" onClick={() => void account.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  const me = account.data;
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <p className="muted">
        {me.email} · {ROLE_NAMES[me.role]}
      </p>
      <UnverifiedEmailNotice account={me} />
      <nav aria-label="Account sections" className="account-sections">
        <a href="#profile-title">Profile</a>
        <a href="#password-title">Password</a>
        <a href="#two-factor-title">Two-factor</a>
        <a href="#sessions-title">Devices</a>
        <a href="#delete-title">Delete account</a>
      </nav>
      <ProfileForm account={me} />
      <ChangePasswordForm account={me} />
      <TwoFactorSection account={me} />
      <SessionsSection />
      <DeleteAccountSection account={me} />
    </div>
  );
}

/** The signed-in user's profile, password, two-factor authentication, devices, and account deletion. */
export function AccountPage() {
  return (
    <RequireSignIn>
      <AccountContent />
    </RequireSignIn>
  );
}
