import type { ReactNode } from 'react';
import { errorText } from './error-text.ts';

/** Placeholder rows while a list or page loads; announced once as busy. */
export function Loading({ label = 'Loading…', rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div aria-busy="true" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}

/** What failed, in words, and a way to try again. */
export function ErrorState({ error, retry, what = 'This' }: { error: unknown; retry?: () => void; what?: string }) {
  return (
    <div className="empty-state" role="alert">
      <h2>{what} could not be loaded</h2>
      <p>{errorText(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** A part of the screen whose API does not exist yet: said plainly, never faked. */
export function NotAvailableYet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="not-yet" aria-label={`${title} (not available yet)`}>
      <h3>
        {title} <span className="badge">not available yet</span>
      </h3>
      {children}
    </section>
  );
}
