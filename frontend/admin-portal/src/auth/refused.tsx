import { useNavigate } from 'react-router';
import { usePageTitle } from '../ui/page-title.ts';
import { signOut } from '../ui/sign-out.ts';

function SignOutButton({ label = 'Sign out' }: { label?: string }) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      onClick={() => {
        void signOut().then(() => navigate('/login', { replace: true }));
      }}
    >
      {label}
    </button>
  );
}

/** Travelers are signed in (the session is shared with the traveler site) but have nothing to do here. */
export function TravelerRefused({ email }: { email: string }) {
  usePageTitle('Not for traveler accounts');
  return (
    <main id="main" className="centered">
      <section className="card" role="alert" aria-labelledby="refused-title">
        <h1 id="refused-title">This portal is for hosts and Tripwise staff</h1>
        <p>
          You are signed in as <strong>{email}</strong>, a traveler account. Travelers search, book and manage their
          trips on the Tripwise site.
        </p>
        <p>
          To list a hotel or a car, create an owner account on Tripwise (choose “List my hotels or rental cars” when you
          sign up), then sign in here with it.
        </p>
        <div className="actions">
          <a className="button secondary" href="/">
            Go to Tripwise
          </a>
          <SignOutButton label="Sign in with another account" />
        </div>
      </section>
    </main>
  );
}

/** An admin whose 2FA is on, in a session that was not signed into with it (e.g. before it was turned on). */
export function SignInAgain() {
  usePageTitle('Sign in with your second factor');
  return (
    <main id="main" className="centered">
      <section className="card" role="alert" aria-labelledby="again-title">
        <h1 id="again-title">Sign in again with your second factor</h1>
        <p>
          Admin tools need a session signed into with two-factor authentication. This one was not: sign out, then sign
          in with your password and the code from your authenticator app.
        </p>
        <SignOutButton />
      </section>
    </main>
  );
}

/** A page of the other role (an owner opening an admin page). */
export function WrongRole({ needs }: { needs: string }) {
  usePageTitle('Not available to you');
  return (
    <section className="empty-state" role="alert">
      <h1>Only {needs} can open this page</h1>
      <p>Your account cannot see it. If you think it should, ask a Tripwise admin.</p>
    </section>
  );
}
