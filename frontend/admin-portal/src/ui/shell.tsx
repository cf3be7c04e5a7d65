import { useSession } from '@tripwise/web-session/react';
import { Suspense } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { accessOf, type PortalRole } from '../auth/access.ts';
import { SignInAgain, TravelerRefused, WrongRole } from '../auth/refused.tsx';
import { signOut } from './sign-out.ts';
import { Loading } from './states.tsx';

/** A route's `handle` says which roles may open it; routes without one are for both. */
export interface RouteHandle {
  roles?: readonly PortalRole[];
}

const NAV: Record<PortalRole, { to: string; label: string }[]> = {
  owner: [
    { to: '/', label: 'Overview' },
    { to: '/listings', label: 'My listings' },
    { to: '/bookings', label: 'Bookings' },
    { to: '/analytics', label: 'Performance' },
    { to: '/insights', label: 'Insights' },
  ],
  admin: [
    { to: '/', label: 'Overview' },
    { to: '/review', label: 'Review queue' },
    { to: '/listings', label: 'Listings' },
    { to: '/bookings', label: 'Bookings' },
    { to: '/users', label: 'Users' },
    { to: '/audit', label: 'Audit log' },
    { to: '/bills', label: 'Bills' },
    { to: '/analytics', label: 'Analytics' },
    { to: '/insights', label: 'Insights' },
  ],
};

function Sidebar({ role, email }: { role: PortalRole; email: string }) {
  const navigate = useNavigate();
  return (
    <header className="sidebar">
      <Link to="/" className="brand">
        Tripwise Partners
        <small>{role === 'admin' ? 'Marketplace admin' : 'Hosts'}</small>
      </Link>
      <nav aria-label="Portal">
        <ul>
          {NAV[role].map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <p>
          <span className="visually-hidden">Signed in as </span>
          {email}
        </p>
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            void signOut().then(() => navigate('/login', { replace: true }));
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}

/**
 * Every page but sign-in sits in here: it decides who may see what (signed-out people go to sign in and come back,
 * travelers are refused, admins without 2FA enrol first) and draws the navigation for the role.
 */
export function Shell() {
  const state = useSession();
  const access = accessOf(state);
  const location = useLocation();
  const matches = useMatches();
  const roles = matches.map((m) => (m.handle as RouteHandle | undefined)?.roles).findLast(Boolean);
  const here = `${location.pathname}${location.search}`;

  if (access.kind === 'loading') {
    return (
      <main id="main" className="centered">
        <Loading label="Restoring your session" rows={2} />
      </main>
    );
  }
  if (access.kind === 'signed-out') return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  if (state.status !== 'signed-in') return null;
  if (access.kind === 'traveler') return <TravelerRefused email={state.user.email} />;
  if (access.kind === 'admin-must-enrol') {
    return <Navigate to={`/two-factor?next=${encodeURIComponent(here)}`} replace />;
  }
  if (access.kind === 'admin-must-sign-in-again') return <SignInAgain />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar role={access.role} email={state.user.email} />
      <main id="main" tabIndex={-1}>
        {roles && !roles.includes(access.role) ? (
          <WrongRole needs={roles.includes('admin') ? 'admins' : 'owners'} />
        ) : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
    </div>
  );
}

/** The role the signed-in user has in the portal (only called inside the Shell, where access was granted). */
export function usePortalRole(): PortalRole {
  const state = useSession();
  return state.status === 'signed-in' && state.user.role === 'admin' ? 'admin' : 'owner';
}
