import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone. The scrolling region takes the focus, so a keyboard can scroll it,
 * and is named after the table for screen readers.
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
