import { useState, type ReactNode } from 'react';

/** The filters beside the results; on a phone they fold away behind a button, so the results come first. */
export function FiltersPanel({ filters, onClear }: { filters: ReactNode; onClear: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <aside
      className={`filters${open ? ' open' : ''}`}
      aria-label="Filters"
      data-insights="results.filters"
      data-insights-section="filters"
    >
      <h2 className="filters-title">Filters</h2>
      <button
        type="button"
        className="secondary filters-toggle"
        aria-expanded={open}
        aria-controls="filters-body"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {open ? 'Hide filters' : 'Show filters'}
      </button>
      <div id="filters-body" className="filters-body">
        {filters && (
          <>
            {filters}
            <button type="button" className="link" onClick={onClear}>
              Clear all filters
            </button>
          </>
        )}
      </div>
    </aside>
  );
}
