import { useEffect } from 'react';
import { useLocation, useMatches } from 'react-router';

/** A route's title: fixed, or made from its address (a search's places and dates). */
export type TitleOf = string | ((search: URLSearchParams) => string);

export interface RouteHandle {
  title?: TitleOf;
}

const SITE = 'Tripwise';

/**
 * Every page its own document title ("Flights BOS → DEN – Tripwise"), from the deepest route that names one, so
 * browser tabs, history and screen readers tell pages apart.
 */
export function useDocumentTitle(): void {
  const matches = useMatches();
  const { search } = useLocation();
  const titleOf = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.title)?.handle as
    RouteHandle | undefined;
  const title = titleOf?.title;
  const text = typeof title === 'function' ? title(new URLSearchParams(search)) : title;
  useEffect(() => {
    document.title = text ? `${text} – ${SITE}` : SITE;
  }, [text]);
}
