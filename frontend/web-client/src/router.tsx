import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from './pages/search/home-page.tsx';
import { Layout } from './ui/layout.tsx';
import type { RouteHandle, TitleOf } from './ui/page-title.ts';
import { calendarTitle, carsTitle, dateGridTitle, exploreTitle, flightsTitle, hotelsTitle } from './ui/page-titles.ts';
import { NotFound, RouteError } from './ui/route-error.tsx';

// Each page but home is its own chunk, loaded when first visited, so the first load stays small; each names its
// title.
const page = (title: TitleOf, load: () => Promise<React.ComponentType>): Pick<RouteObject, 'lazy' | 'handle'> => ({
  lazy: async () => ({ Component: await load() }),
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
      {
        path: 'flights',
        ...page(flightsTitle, async () => (await import('./pages/search/flight-results-page.tsx')).FlightResultsPage),
      },
      {
        path: 'flights/dates',
        ...page(dateGridTitle, async () => (await import('./pages/search/date-grid-page.tsx')).DateGridPage),
      },
      {
        path: 'flights/calendar',
        ...page(calendarTitle, async () => (await import('./pages/search/fare-calendar-page.tsx')).FareCalendarPage),
      },
      {
        path: 'explore',
        ...page(exploreTitle, async () => (await import('./pages/explore/explore-page.tsx')).ExplorePage),
      },
      {
        path: 'hotels',
        ...page(hotelsTitle, async () => (await import('./pages/search/hotel-results-page.tsx')).HotelResultsPage),
      },
      {
        path: 'cars',
        ...page(carsTitle, async () => (await import('./pages/search/car-results-page.tsx')).CarResultsPage),
      },
      {
        path: 'flights/:id',
        ...page(
          'Flight details',
          async () => (await import('./pages/search/flight-details-page.tsx')).FlightDetailsPage,
        ),
      },
      {
        path: 'hotels/:id',
        ...page('Hotel details', async () => (await import('./pages/search/hotel-details-page.tsx')).HotelDetailsPage),
      },
      {
        path: 'cars/:id',
        ...page('Rental car details', async () => (await import('./pages/search/car-details-page.tsx')).CarDetailsPage),
      },
      {
        path: 'checkout',
        ...page('Checkout', async () => (await import('./pages/checkout/checkout-page.tsx')).CheckoutPage),
      },
      { path: 'trips', ...page('My trips', async () => (await import('./pages/trips/trips-page.tsx')).TripsPage) },
      {
        path: 'trips/:id',
        ...page('Trip details', async () => (await import('./pages/trips/trip-page.tsx')).TripPage),
      },
      {
        path: 'alerts',
        ...page('Price alerts', async () => (await import('./pages/alerts/alerts-page.tsx')).AlertsPage),
      },
      { path: 'ai', ...page('AI Mode', async () => (await import('./pages/ai/ai-mode-page.tsx')).AiModePage) },
      { path: 'login', ...page('Sign in', async () => (await import('./pages/account/login-page.tsx')).LoginPage) },
      {
        path: 'register',
        ...page('Create an account', async () => (await import('./pages/account/register-page.tsx')).RegisterPage),
      },
      {
        path: 'verify-email',
        ...page(
          'Confirm your email',
          async () => (await import('./pages/account/verify-email-page.tsx')).VerifyEmailPage,
        ),
      },
      {
        path: 'forgot-password',
        ...page(
          'Forgot password',
          async () => (await import('./pages/account/forgot-password-page.tsx')).ForgotPasswordPage,
        ),
      },
      {
        path: 'reset-password',
        ...page(
          'Reset password',
          async () => (await import('./pages/account/reset-password-page.tsx')).ResetPasswordPage,
        ),
      },
      {
        path: 'account',
        ...page('Your account', async () => (await import('./pages/account/account-page.tsx')).AccountPage),
      },
      { path: '*', Component: NotFound, handle: { title: 'Page not found' } satisfies RouteHandle },
    ],
  },
]);
