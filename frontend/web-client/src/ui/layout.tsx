import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/http.ts';
import { PrivacyNote } from '../insights/privacy-note.tsx';
import { useConnectionStatus } from '../realtime/use-agent-socket.ts';
import { session } from '../session/session.ts';
import { useSession } from '../session/use-session.ts';
import { Notifications } from './notifications.tsx';
import { useDocumentTitle } from './page-title.ts';

/**
 * A home tab's link: current only on its own tab (a NavLink matches the path alone, so on the home page all three
 * read as current at once).
 */
function TabLink({ tab, children }: { tab: 'flights' | 'hotels' | 'cars'; children: string }) {
  const { pathname, search } = useLocation();
  const current = pathname === '/' && (new URLSearchParams(search).get('tab') ?? 'flights') === tab;
  return (
    <Link to={`/?tab=${tab}`} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function AccountMenu() {
  const state = useSession();
  const navigate = useNavigate();
  if (state.status === 'loading') return null;
  if (state.status === 'signed-out') {
    return (
      <>
        <NavLink to="/login">Sign in</NavLink>
        <NavLink to="/register">Create account</NavLink>
      </>
    );
  }
  const signOut = async () => {
    await api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    // Leave first: a page for signed-in users would otherwise send the user to sign in again.
    await navigate('/');
    session.signedOut();
  };
  return (
    <>
      <NavLink to="/trips">My trips</NavLink>
      <NavLink to="/alerts">Price alerts</NavLink>
      <NavLink to="/account">{state.user.firstName ?? state.user.email}</NavLink>
      <button type="button" className="link" onClick={() => void signOut()}>
        Sign out
      </button>
    </>
  );
}

function ConnectionBanner() {
  const status = useConnectionStatus();
  if (status !== 'reconnecting') return null;
  return (
    <p className="banner" role="status" data-testid="reconnecting">
      Reconnecting… live updates resume as soon as the connection is back, with nothing missed.
    </p>
  );
}

export function Layout() {
  useDocumentTitle();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Tripwise
        </Link>
        <nav aria-label="Main">
          <TabLink tab="flights">Flights</TabLink>
          <TabLink tab="hotels">Hotels</TabLink>
          <TabLink tab="cars">Cars</TabLink>
          <NavLink to="/explore">Explore</NavLink>
          <NavLink to="/ai">AI Mode</NavLink>
        </nav>
        <nav aria-label="Account" className="account-nav">
          <AccountMenu />
        </nav>
      </header>
      <ConnectionBanner />
      <Notifications />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
      <PrivacyNote />
    </>
  );
}
