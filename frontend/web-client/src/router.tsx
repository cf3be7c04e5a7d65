import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './ui/layout.tsx';
import { NotFound, RouteError } from './ui/route-error.tsx';

// Each page is its own chunk, loaded when first visited, so the first load stays small.
const page = (load: () => Promise<{ Page: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).Page }),
});

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, ...page(() => import('./pages/search/home-page.tsx')) },
      { path: 'flights', ...page(() => import('./pages/search/flight-results-page.tsx')) },
      { path: 'hotels', ...page(() => import('./pages/search/hotel-results-page.tsx')) },
      { path: 'cars', ...page(() => import('./pages/search/car-results-page.tsx')) },
      { path: 'flights/:id', ...page(() => import('./pages/search/flight-details-page.tsx')) },
      { path: 'hotels/:id', ...page(() => import('./pages/search/hotel-details-page.tsx')) },
      { path: 'cars/:id', ...page(() => import('./pages/search/car-details-page.tsx')) },
      { path: 'checkout', ...page(() => import('./pages/checkout/checkout-page.tsx')) },
      { path: 'trips', ...page(() => import('./pages/trips/trips-page.tsx')) },
      { path: 'trips/:id', ...page(() => import('./pages/trips/trip-page.tsx')) },
      { path: 'ai', ...page(() => import('./pages/ai/ai-mode-page.tsx')) },
      { path: 'login', ...page(() => import('./pages/account/login-page.tsx')) },
      { path: 'register', ...page(() => import('./pages/account/register-page.tsx')) },
      { path: 'verify-email', ...page(() => import('./pages/account/verify-email-page.tsx')) },
      { path: 'forgot-password', ...page(() => import('./pages/account/forgot-password-page.tsx')) },
      { path: 'reset-password', ...page(() => import('./pages/account/reset-password-page.tsx')) },
      { path: 'account', ...page(() => import('./pages/account/account-page.tsx')) },
      { path: '*', Component: NotFound },
    ],
  },
]);
