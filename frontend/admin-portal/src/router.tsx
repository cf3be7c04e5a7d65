import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound, RouteError } from './ui/route-error.tsx';
import { Shell, type RouteHandle } from './ui/shell.tsx';
import { Loading } from './ui/states.tsx';

// Each page is its own chunk, loaded when first visited, so the first load stays small.
const page = (load: () => Promise<React.ComponentType>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: await load() }),
});
const admins: RouteHandle = { roles: ['admin'] };
// While the first page's chunk loads.
const HydrateFallback = () => <Loading label="Loading the portal" rows={2} />;

export const router = createBrowserRouter(
  [
    {
      path: '/login',
      ErrorBoundary: RouteError,
      HydrateFallback,
      ...page(async () => (await import('./auth/login-page.tsx')).LoginPage),
    },
    {
      path: '/two-factor',
      ErrorBoundary: RouteError,
      HydrateFallback,
      ...page(async () => (await import('./auth/two-factor-page.tsx')).TwoFactorPage),
    },
    {
      path: '/',
      Component: Shell,
      ErrorBoundary: RouteError,
      HydrateFallback,
      children: [
        { index: true, ...page(async () => (await import('./home/home-page.tsx')).HomePage) },
        { path: 'listings', ...page(async () => (await import('./listings/listings-page.tsx')).ListingsPage) },
        {
          path: 'listings/new/:kind',
          ...page(async () => (await import('./listings/new-listing-page.tsx')).NewListingPage),
        },
        { path: 'listings/:kind/:id', ...page(async () => (await import('./listings/listing-page.tsx')).ListingPage) },
        { path: 'bookings', ...page(async () => (await import('./bookings/bookings-page.tsx')).BookingsPage) },
        { path: 'analytics', ...page(async () => (await import('./analytics/analytics-page.tsx')).AnalyticsPage) },
        { path: 'insights', ...page(async () => (await import('./insights/insights-page.tsx')).InsightsPage) },
        {
          path: 'review',
          handle: admins,
          ...page(async () => (await import('./listings/review-queue-page.tsx')).ReviewQueuePage),
        },
        { path: 'users', handle: admins, ...page(async () => (await import('./users/users-page.tsx')).UsersPage) },
        { path: 'users/:id', handle: admins, ...page(async () => (await import('./users/user-page.tsx')).UserPage) },
        { path: 'audit', handle: admins, ...page(async () => (await import('./users/audit-page.tsx')).AuditPage) },
        { path: 'bills', handle: admins, ...page(async () => (await import('./bills/bills-page.tsx')).BillsPage) },
        {
          path: 'bills/:billingNumber',
          handle: admins,
          ...page(async () => (await import('./bills/bill-page.tsx')).BillPage),
        },
        { path: '*', Component: NotFound },
      ],
    },
  ],
  { basename: '/admin' },
);
