import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

export function NotFound() {
  return (
    <section className="empty-state">
      <h1>Page not found</h1>
      <p>
        That address does not lead anywhere on Tripwise. <Link to="/">Start a new search</Link>.
      </p>
    </section>
  );
}

/** A page that failed to load (often a new deploy replaced its chunk): reloading fixes it. */
export function RouteError() {
  const error = useRouteError();
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
