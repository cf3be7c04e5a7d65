import { createBrowserRouter, type RouteObject } from 'react-router';
import { Page as HomePage } from './pages/search/home-page.tsx';
import { Layout } from './ui/layout.tsx';
import type { RouteHandle, TitleOf } from './ui/page-title.ts';
import { calendarTitle, carsTitle, dateGridTitle, exploreTitle, flightsTitle, hotelsTitle } from './ui/page-titles.ts';
import { NotFound, RouteError } from './ui/route-error.tsx';

// Each page but home is its own chunk, loaded when first visited, so the first load stays small; each names its
// title.
const page = (
  title: TitleOf,
  load: () => Promise<{ Page: React.ComponentType }>,
): Pick<RouteObject, 'lazy' | 'handle'> => ({
  lazy: async () => ({ Component: (await load()).Page }),
  handle: { title } satisfies RouteHandle,
});

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      // The home page comes with the first load (no second round trip for its chunk): its form shows at once.
      { index: true, Component: HomePage, handle: { title: 'Search flights, hotels and cars' } satisfies RouteHandle },
      { path: 'flights', ...page(flightsTitle, () => import('./pages/search/flight-results-page.tsx')) },
      { path: 'flights/dates', ...page(dateGridTitle, () => import('./pages/search/date-grid-page.tsx')) },
      { path: 'flights/calendar', ...page(calendarTitle, () => import('./pages/search/fare-calendar-page.tsx')) },
      { path: 'explore', ...page(exploreTitle, () => import('./pages/explore/explore-page.tsx')) },
      { path: 'hotels', ...page(hotelsTitle, () => import('./pages/search/hotel-results-page.tsx')) },
      { path: 'cars', ...page(carsTitle, () => import('./pages/search/car-results-page.tsx')) },
      { path: 'flights/:id', ...page('Flight details', () => import('./pages/search/flight-details-page.tsx')) },
      { path: 'hotels/:id', ...page('Hotel details', () => import('./pages/search/hotel-details-page.tsx')) },
      { path: 'cars/:id', ...page('Rental car details', () => import('./pages/search/car-details-page.tsx')) },
      { path: 'checkout', ...page('Checkout', () => import('./pages/checkout/checkout-page.tsx')) },
      { path: 'trips', ...page('My trips', () => import('./pages/trips/trips-page.tsx')) },
      { path: 'trips/:id', ...page('Trip details', () => import('./pages/trips/trip-page.tsx')) },
      { path: 'alerts', ...page('Price alerts', () => import('./pages/alerts/alerts-page.tsx')) },
      { path: 'ai', ...page('AI Mode', () => import('./pages/ai/ai-mode-page.tsx')) },
      { path: 'login', ...page('Sign in', () => import('./pages/account/login-page.tsx')) },
      { path: 'register', ...page('Create an account', () => import('./pages/account/register-page.tsx')) },
      { path: 'verify-email', ...page('Confirm your email', () => import('./pages/account/verify-email-page.tsx')) },
      {
        path: 'forgot-password',
        ...page('Forgot password', () => import('./pages/account/forgot-password-page.tsx')),
      },
      { path: 'reset-password', ...page('Reset password', () => import('./pages/account/reset-password-page.tsx')) },
      { path: 'account', ...page('Your account', () => import('./pages/account/account-page.tsx')) },
      { path: '*', Component: NotFound, handle: { title: 'Page not found' } satisfies RouteHandle },
    ],
  },
]);
