import { useEffect } from 'react';

/** Every page names itself in the tab and to screen readers ("Listings · Tripwise Partners"). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tripwise Partners`;
  }, [title]);
}
