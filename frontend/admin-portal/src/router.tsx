import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound, RouteError } from './ui/route-error.tsx';
import { Shell, type RouteHandle } from './ui/shell.tsx';
import { Loading } from './ui/states.tsx';

// Each page is its own chunk, loaded when first visited, so the first load stays small.
const page = (load: () => Promise<{ Page: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).Page }),
});
const admins: RouteHandle = { roles: ['admin'] };
// While the first page's chunk loads.
const HydrateFallback = () => <Loading label="Loading the portal" rows={2} />;

export const router = createBrowserRouter(
  [
    { path: '/login', ErrorBoundary: RouteError, HydrateFallback, ...page(() => import('./auth/login-page.tsx')) },
    {
      path: '/two-factor',
      ErrorBoundary: RouteError,
      HydrateFallback,
      ...page(() => import('./auth/two-factor-page.tsx')),
    },
    {
      path: '/',
      Component: Shell,
      ErrorBoundary: RouteError,
      HydrateFallback,
      children: [
        { index: true, ...page(() => import('./home/home-page.tsx')) },
        { path: 'listings', ...page(() => import('./listings/listings-page.tsx')) },
        { path: 'listings/new/:kind', ...page(() => import('./listings/new-listing-page.tsx')) },
        { path: 'listings/:kind/:id', ...page(() => import('./listings/listing-page.tsx')) },
        { path: 'bookings', ...page(() => import('./bookings/bookings-page.tsx')) },
        { path: 'analytics', ...page(() => import('./analytics/analytics-page.tsx')) },
        { path: 'review', handle: admins, ...page(() => import('./listings/review-queue-page.tsx')) },
        { path: 'users', handle: admins, ...page(() => import('./users/users-page.tsx')) },
        { path: 'users/:id', handle: admins, ...page(() => import('./users/user-page.tsx')) },
        { path: 'audit', handle: admins, ...page(() => import('./users/audit-page.tsx')) },
        { path: 'bills', handle: admins, ...page(() => import('./bills/bills-page.tsx')) },
        { path: 'bills/:billingNumber', handle: admins, ...page(() => import('./bills/bill-page.tsx')) },
        { path: '*', Component: NotFound },
      ],
    },
  ],
  { basename: '/admin' },
);
