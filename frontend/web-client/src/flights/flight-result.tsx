import type { FlightOption, FlightPair } from '@tripwise/contracts';
import { Link } from 'react-router';
import { SeatsLeft } from '../search/flight-card.tsx';
import { flightsAllIn } from '../ui/all-in.ts';
import { formatMoney, plural } from '../ui/format.ts';
import { usePriceMode } from '../ui/price-mode.tsx';
import { faresInBrief } from './fare-rules.ts';
import { clockOf } from './flight-times.tsx';
import { ItineraryLegs, ItinerarySummary } from './itinerary.tsx';
import { checkoutPath, detailsPath, type Party } from './trip-links.ts';

/**
 * What a card offers: a one-way itinerary to book; a departing flight to choose (its price the round trip with
 * the return listed first for it), the returns coming next; or a return that completes the chosen departure.
 */
export type ResultStep =
  | { kind: 'one-way'; item: FlightOption }
  | { kind: 'outbound'; item: FlightPair; returnsPath: string }
  | { kind: 'return'; item: FlightPair };

const shownOf = (step: ResultStep): FlightOption =>
  step.kind === 'one-way' ? step.item : step.kind === 'outbound' ? step.item.outbound : step.item.return;

/** The flights the card's button books (a departing flight alone is not booked yet: its return comes first). */
const bookedOf = (step: ResultStep): FlightOption[] =>
  step.kind === 'return' ? [step.item.outbound, step.item.return] : [shownOf(step)];

export function FlightResult({ step, party }: { step: ResultStep; party: Party }) {
  const shown = shownOf(step);
  const booked = bookedOf(step);
  const flights = booked.flatMap((it) => it.legs);
  const fares = faresInBrief(flights);
  const passengers = Number(party.passengers);
  const trip = step.kind === 'one-way' ? step.item.id : step.kind === 'outbound' ? step.item.outbound.id : step.item.id;
  const next = step.kind === 'outbound' ? step.returnsPath : undefined;
  const what = `${shown.flightNumber}, ${clockOf(shown.departLocal)} from ${shown.origin.code}`;
  // Taxes and fees included, as checkout charges them: per person, or for everyone (the toggle above the list).
  const pricedLegs = step.kind === 'one-way' ? step.item.legs : [...step.item.outbound.legs, ...step.item.return.legs];
  const total = flightsAllIn(pricedLegs, passengers);
  const mode = usePriceMode();
  const money = (amount: number) => formatMoney({ amount, currency: step.item.price.currency }, { cents: true });
  const price = money(mode === 'total' ? total : Math.round(total / passengers));
  return (
    <li className="card result flight-result" data-testid="flight-result">
      <div className="result-main">
        <ItinerarySummary
          itinerary={shown}
          label={step.kind === 'return' ? 'Return' : step.kind === 'outbound' ? 'Departing' : undefined}
        />
        {step.kind === 'return' && step.item.return.destination.code !== step.item.outbound.origin.code && (
          <p className="flag-list">
            <span className="flag flag-separate">
              Returns to {step.item.return.destination.code}; you leave from {step.item.outbound.origin.code}
            </span>
          </p>
        )}
        <p className="result-meta">
          <SeatsLeft seats={Math.min(...flights.map((f) => f.seatsLeft))} />
          {' · '}
          <span className={fares.good ? 'good' : 'muted'} data-testid="fare-brief">
            {fares.text}
          </span>
        </p>
        <details className="itinerary-details">
          <summary>Flight details{shown.stops > 0 ? ' and layovers' : ''}</summary>
          <ItineraryLegs itinerary={shown} />
        </details>
      </div>
      <div className="result-price">
        <span className="price" data-testid="result-price">
          {price}
        </span>
        <span className="muted small">
          {step.kind === 'one-way' ? 'one way' : 'round trip'},{' '}
          {mode === 'total' ? `total for ${plural(passengers, 'traveler')}` : 'per person'}
          {mode === 'each' && passengers > 1 && (
            <>
              <br />
              {money(total)} for {plural(passengers, 'traveler')}
            </>
          )}
        </span>
        {step.kind === 'outbound' ? (
          <Link
            className="button"
            to={step.returnsPath}
            aria-label={`Choose departing flight ${what}, ${price} round trip ${mode === 'total' ? 'in all' : 'per person'}`}
          >
            Choose
          </Link>
        ) : (
          <Link
            className="button"
            to={checkoutPath(
              flights.map((f) => f.id),
              party,
            )}
            aria-label={`Select ${flights.map((f) => f.flightNumber).join(' and ')} for ${money(total)}`}
          >
            Select
          </Link>
        )}
        {shown.legs.map((leg) => (
          <Link key={leg.id} to={detailsPath(leg.id, party, trip, next)} className="details-link">
            {leg.flightNumber} details
          </Link>
        ))}
      </div>
    </li>
  );
}
