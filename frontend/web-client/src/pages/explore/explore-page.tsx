import type { ExploreAnswer } from '@tripwise/contracts';
import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { ExploreForm } from '../../explore/explore-form.tsx';
import { ExploreList } from '../../explore/explore-list.tsx';
import { EXPLORE_KEYS, THEMES } from '../../explore/explore-query.ts';
import { QueryState } from '../../flights/query-state.tsx';
import { pickParams } from '../../search/url-params.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';
import '../../explore/explore.css';

// Leaflet and its stylesheet load with the map only, in a chunk of their own.
const ExploreMap = lazy(() => import('../../explore/explore-map.tsx'));

function Summary({ answer, params }: { answer: ExploreAnswer; params: URLSearchParams }) {
  const theme = THEMES.find(([value]) => value === params.get('theme'))?.[1];
  const budget = Number(params.get('maxPrice'));
  return (
    <p role="status" className="muted" data-testid="explore-summary">
      {answer.items.length === 0
        ? 'No destination found.'
        : `${plural(answer.items.length, 'destination')}${theme ? ` for a ${theme.toLowerCase()} trip` : ''}`}{' '}
      from {answer.origin}, leaving {formatDate(answer.dates.from)} – {formatDate(answer.dates.to)}, for{' '}
      {plural(answer.tripLength, 'night')}
      {budget > 0 ? `, up to ${formatMoney({ amount: budget, currency: 'USD' })}` : ''}. Prices are round trip per
      person in US dollars, before taxes and fees.
    </p>
  );
}

/**
 * Explore: from an origin, with an optional month, budget, trip length and theme, the cheapest destinations with
 * their best dates, as a list and on a map; each opens the flight search for its dates.
 */
export function ExplorePage() {
  const [params, setParams] = useSearchParams();
  const query = pickParams(params, EXPLORE_KEYS);
  const explored = useQuery({
    queryKey: ['explore', query],
    queryFn: ({ signal }) => api<ExploreAnswer>('/api/search/explore', { query, signal, auth: false }),
    enabled: Boolean(query.origin),
  });
  const answer = explored.data;
  return (
    <div className="explore-page">
      <h1>Explore: where can you go?</h1>
      <ExploreForm key={params.toString()} initial={params} onSearch={(next) => setParams(next)} />
      {query.origin && (
        <QueryState
          status={explored.status}
          error={explored.error}
          retry={() => void explored.refetch()}
          what="destinations"
        />
      )}
      {answer && (
        <section aria-labelledby="explore-results-title">
          <h2 id="explore-results-title">Cheapest destinations</h2>
          <Summary answer={answer} params={params} />
          {answer.items.length === 0 ? (
            <div className="empty-state">
              <p>
                Try another kind of trip, a higher budget, a shorter trip or a sooner month: flights go on sale about
                two months ahead.
              </p>
            </div>
          ) : (
            <div className="explore-results">
              <ExploreList items={answer.items} params={params} />
              <Suspense
                fallback={
                  <p aria-busy="true" className="explore-map">
                    Loading the map…
                  </p>
                }
              >
                <ExploreMap items={answer.items} params={params} />
              </Suspense>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
