import { useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CarSearchForm } from '../../search/car-search-form.tsx';
import { FlightSearchForm } from '../../search/flight-search-form.tsx';
import { HotelSearchForm } from '../../search/hotel-search-form.tsx';
import { recentSearches } from '../../search/recent-searches.ts';

const TABS = [
  ['flights', 'Flights'],
  ['hotels', 'Hotels'],
  ['cars', 'Cars'],
] as const;
type Tab = (typeof TABS)[number][0];

function RecentSearches() {
  const [recent] = useState(recentSearches);
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-title" className="recent-searches">
      <h2 id="recent-title">Recent searches</h2>
      <ul>
        {recent.map((s) => (
          <li key={s.path}>
            <Link to={s.path}>{s.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Home: one search form per tab (the tab is in the URL, so the header's links open the right one). */
export function HomePage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.some(([t]) => t === asked) ? (asked as Tab) : 'flights';
  const select = (next: Tab) => setParams({ tab: next }, { replace: true });
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const i = TABS.findIndex(([t]) => t === tab);
    const next = TABS[(i + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]![0];
    select(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="home">
      <h1>Where to next?</h1>
      <div className="home-tabs">
        <div className="tabs" role="tablist" aria-label="What to search" onKeyDown={onKeyDown}>
          {TABS.map(([value, text]) => (
            <button
              key={value}
              id={`tab-${value}`}
              type="button"
              role="tab"
              aria-selected={tab === value}
              aria-controls="search-panel"
              tabIndex={tab === value ? 0 : -1}
              onClick={() => select(value)}
            >
              {text}
            </button>
          ))}
        </div>
        {/* A link, not a tab: AI Mode is a page of its own. */}
        <Link to="/ai" className="button secondary ai-tab">
          AI Mode
        </Link>
      </div>
      <div id="search-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'flights' && <FlightSearchForm />}
        {tab === 'hotels' && <HotelSearchForm />}
        {tab === 'cars' && <CarSearchForm />}
      </div>
      <section className="card home-explore" aria-labelledby="explore-title">
        <h2 id="explore-title">Not sure where to go?</h2>
        <p>
          See the cheapest places to fly from your airport, on a list and a map: by month, budget, trip length, or a
          warm, beach, city, ski or national-park trip.
        </p>
        <Link to="/explore" className="button secondary">
          Explore destinations
        </Link>
      </section>
      <RecentSearches />
    </div>
  );
}
