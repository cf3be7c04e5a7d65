import type { FlightDetails } from '@tripwise/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { fareRuleOf } from '../../flights/fare-rules.ts';
import { DayShift, clockOf } from '../../flights/flight-times.tsx';
import { checkoutPath, flightIdsOf, safeNext } from '../../flights/trip-links.ts';
import { BackLink } from '../../search/back-link.tsx';
import { DetailsState } from '../../search/details-state.tsx';
import { FlightLeg, SeatsLeft } from '../../search/flight-card.tsx';
import { labelOf } from '../../search/labels.ts';
import { PriceHistory } from '../../search/price-history.tsx';
import { Reviews } from '../../search/reviews.tsx';
import { fareAllIn, flightsAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import '../../flights/flights.css';

const detailsOf = (id: string, signal: AbortSignal) =>
  api<FlightDetails>(`/api/search/flights/${id}`, { signal, auth: false });

/**
 * The trip's price per person in a cabin, taxes and fees included (as the results and checkout show it): every
 * flight's fare with its own taxes, or null if one of them lacks the cabin.
 */
function tripPrice(flights: FlightDetails[], cabin: string, passengers: number): number | null {
  const fares = flights.map((f) => f.cabins.find((c) => c.cabin === cabin));
  if (fares.some((fare) => !fare)) return null;
  return perPerson(fares as { price: { amount: number } }[], passengers);
}

const perPerson = (fares: { price: { amount: number } }[], passengers: number) =>
  Math.round(flightsAllIn(fares, passengers) / passengers);

/** The trip this flight was opened from, flight by flight, so the traveler sees what "Select" books. */
function TripFlights({ flights, current }: { flights: FlightDetails[]; current: string }) {
  return (
    <section className="card" aria-labelledby="trip-title">
      <h2 id="trip-title">Your trip: {flights.length} flights</h2>
      <ol className="trip-flights">
        {flights.map((f) => (
          <li key={f.id} aria-current={f.id === current ? 'true' : undefined}>
            <strong>
              {f.flightNumber} {f.origin.code} → {f.destination.code}
            </strong>{' '}
            {formatDate(f.departLocal)}, {clockOf(f.departLocal)} – {clockOf(f.arriveLocal)}
            <DayShift departLocal={f.departLocal} arriveLocal={f.arriveLocal} />
            {f.id === current ? (
              <span className="muted"> (this flight)</span>
            ) : (
              <span className="muted small"> · {fareRuleOf(f.policies.refundable)}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * One flight: its times, every cabin with its fare and seats left, the fare rules, price history and reviews.
 * Opened from a result it keeps the whole trip (`trip`: every flight of the itinerary or round trip), so "Select"
 * books all of it; a departing flight not yet paired with a return goes on to its returns (`next`) instead.
 */
export function FlightDetailsPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const passengers = params.get('passengers') ?? '1';
  const next = safeNext(params.get('next'));
  const tripIds = (() => {
    const ids = flightIdsOf(params.get('trip') ?? '');
    return ids.includes(id) ? ids : [id];
  })();
  const flight = useQuery({ queryKey: ['flight', id], queryFn: ({ signal }) => detailsOf(id, signal) });
  const others = useQueries({
    queries: tripIds
      .filter((other) => other !== id)
      .map((other) => ({
        queryKey: ['flight', other],
        queryFn: ({ signal }: { signal: AbortSignal }) => detailsOf(other, signal),
      })),
  });
  if (flight.status !== 'success') {
    return (
      <DetailsState status={flight.status} error={flight.error} refetch={() => void flight.refetch()} noun="flight" />
    );
  }
  const f = flight.data;
  const loaded = new Map([[f.id, f], ...others.flatMap((o) => (o.data ? [[o.data.id, o.data] as const] : []))]);
  const trip = tripIds.every((t) => loaded.has(t)) ? tripIds.map((t) => loaded.get(t)!) : null;
  const wholeTrip = tripIds.length > 1;
  const chosen = f.cabins.find((c) => c.cabin === params.get('cabin')) ?? f.cabins[0];
  const nextWith = (cabin: string) => {
    if (!next) return null;
    const [path = '', query = ''] = next.split('?');
    const search = new URLSearchParams(query);
    search.set('cabin', cabin);
    return `${path}?${search.toString()}`;
  };
  return (
    <div className="details-page">
      <BackLink />
      <h1>
        {f.origin.city} to {f.destination.city}, {formatDate(f.departLocal.slice(0, 10))}
      </h1>
      <section className="card">
        <FlightLeg flight={f} />
        <p className="muted">
          {f.origin.name} → {f.destination.name}. Times are local to each airport.
        </p>
      </section>
      {wholeTrip && trip && <TripFlights flights={trip} current={f.id} />}
      <section className="card" aria-labelledby="cabins-title">
        <h2 id="cabins-title">Cabins and fares</h2>
        {wholeTrip && (
          <p className="muted small">
            {next
              ? 'Choosing a cabin here goes on to the returns for this departing flight, in that cabin.'
              : 'Select books every flight of your trip in that cabin; prices are per person, taxes and fees included.'}
          </p>
        )}
        <ul className="choice-list">
          {f.cabins.map((c) => {
            const total = trip ? tripPrice(trip, c.cabin, Number(passengers)) : null;
            const fare = formatMoney({ ...c.price, amount: perPerson([c], Number(passengers)) }, { cents: true });
            const enough = c.seatsLeft >= Number(passengers);
            const onward = nextWith(c.cabin);
            const label = labelOf(c.cabin);
            return (
              <li key={c.cabin} className="choice">
                <div>
                  <strong>{label}</strong>
                  <div>
                    <SeatsLeft seats={c.seatsLeft} />
                  </div>
                </div>
                <div className="choice-price">
                  <span className="price">{fare}</span>{' '}
                  <span className="muted">
                    {wholeTrip ? 'this flight, per person' : 'per person'}, taxes and fees included
                  </span>
                  {wholeTrip && !onward && (
                    <div className="small" data-testid="trip-price">
                      {total === null
                        ? trip
                          ? `Not offered on every flight of the trip`
                          : 'Checking the other flights…'
                        : `Whole trip: ${formatMoney({ amount: total, currency: c.price.currency }, { cents: true })} per person`}
                    </div>
                  )}
                </div>
                {!enough ? (
                  <span className="muted">Not enough seats</span>
                ) : onward ? (
                  <Link className="button" to={onward} aria-label={`Choose this departing flight in ${label}`}>
                    Choose
                  </Link>
                ) : wholeTrip && total === null ? (
                  <span className="muted">Not bookable as one trip</span>
                ) : (
                  <Link
                    className="button"
                    to={checkoutPath(tripIds, { cabin: c.cabin, passengers })}
                    aria-label={
                      wholeTrip
                        ? `Select ${label} for the whole trip, ${formatMoney({ amount: total!, currency: c.price.currency }, { cents: true })} per person`
                        : `Select ${label} for ${fare} per person`
                    }
                  >
                    Select
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card" aria-labelledby="policy-title">
        <h2 id="policy-title">Fare rules</h2>
        <ul>
          <li>{fareRuleOf(f.policies.refundable)}</li>
          <li>
            {f.policies.changeFee.amount === 0
              ? 'No change fee.'
              : `Changes cost ${formatMoney(f.policies.changeFee)}.`}
          </li>
        </ul>
      </section>
      {chosen && (
        <section className="card">
          <PriceHistory
            trend={chosen.priceTrend}
            current={chosen.price.amount}
            allIn={(fare) => fareAllIn({ amount: fare, currency: chosen.price.currency }, 1).amount}
            title={`${labelOf(chosen.cabin)} price history`}
          />
        </section>
      )}
      <Reviews kind="flights" id={f.id} />
    </div>
  );
}
