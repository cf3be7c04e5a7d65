import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { usePageTitle } from './page-title.ts';

export function NotFound() {
  usePageTitle('Page not found');
  return (
    <section className="empty-state">
      <h1>Page not found</h1>
      <p>
        That address does not lead anywhere in the portal. <Link to="/">Go to the overview</Link>.
      </p>
    </section>
  );
}

/** A page that failed to load (often a new deploy replaced its chunk): reloading fixes it. */
export function RouteError() {
  const error = useRouteError();
  usePageTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <section className="empty-state" role="alert">
      <h1>This page could not be shown</h1>
      <p>Something went wrong while loading it.</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </section>
  );
}
