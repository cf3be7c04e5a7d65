import { useEffect, useRef } from 'react';

/**
 * A panel that replaces the form the user just submitted takes the focus (its heading, with tabIndex -1), so
 * keyboard and screen-reader users are not left on a button that no longer exists.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
