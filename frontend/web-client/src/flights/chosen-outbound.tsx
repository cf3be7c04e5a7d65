import type { FlightPair, FlightSearchPage } from '@tripwise/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, messageOf } from '../api/api-error.ts';
import { api } from '../api/http.ts';
import { pickParams, withParam } from '../search/url-params.ts';
import { formatMoney } from '../ui/format.ts';
import { ItineraryLegs, ItinerarySummary } from './itinerary.tsx';

const TRIP_KEYS = [
  'origin',
  'destination',
  'date',
  'returnDate',
  'originRadiusKm',
  'destinationRadiusKm',
  'passengers',
  'cabin',
];

/** The first step's list again: the same search and filters without the chosen departing flight. */
export const outboundsPath = (params: URLSearchParams) =>
  `/flights?${withParam(withParam(params, 'outboundId', null), 'pages', null).toString()}`;

/**
 * The departing flight chosen in the first step, summarised above its returns and changeable. It is read with the
 * trip alone (no filters), cheapest return first, so it shows even when the filters leave no return.
 */
export function ChosenOutbound({ params }: { params: URLSearchParams }) {
  const outboundId = params.get('outboundId') ?? '';
  const query = { ...pickParams(params, TRIP_KEYS), outboundId, sort: 'price', limit: '1' };
  const chosen = useQuery({
    queryKey: ['chosen-outbound', query],
    queryFn: ({ signal }) => api<FlightSearchPage>('/api/search/flights', { query, signal, auth: false }),
  });
  const change = (
    <Link to={outboundsPath(params)} className="button secondary">
      Change departing flight
    </Link>
  );
  const pair = chosen.data?.items[0] as FlightPair | undefined;
  return (
    <section className="card chosen-outbound" aria-labelledby="chosen-title" data-testid="chosen-outbound">
      <div className="chosen-head">
        <h2 id="chosen-title">Your departing flight</h2>
        {change}
      </div>
      {chosen.status === 'pending' && (
        <div className="skeleton" aria-busy="true" aria-label="Loading the departing flight" />
      )}
      {chosen.status === 'error' && (
        <p role="alert">
          {chosen.error instanceof ApiError && chosen.error.status === 404
            ? 'This departing flight is no longer offered. Choose another one.'
            : messageOf(chosen.error)}
        </p>
      )}
      {chosen.status === 'success' && !pair && (
        <p role="alert">
          No return on this date leaves at least two hours after this flight lands. Choose another departing flight.
        </p>
      )}
      {pair && (
        <>
          <ItinerarySummary itinerary={pair.outbound} label="Departing" />
          <p className="muted small">
            Round trips with it from {formatMoney(pair.price)} per person; choose the return below.
          </p>
          <details className="itinerary-details">
            <summary>Flight details{pair.outbound.stops > 0 ? ' and layovers' : ''}</summary>
            <ItineraryLegs itinerary={pair.outbound} />
          </details>
        </>
      )}
    </section>
  );
}
