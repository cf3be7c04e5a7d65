import { DayShift, clockOf } from '../flights/flight-times.tsx';
import { formatDuration, formatMoney, plural } from '../ui/format.ts';
import type { Flight } from './search-types.ts';
import { UnitsLeft } from './units-left.tsx';

type LegShown = Pick<
  Flight,
  | 'departLocal'
  | 'arriveLocal'
  | 'origin'
  | 'destination'
  | 'durationMin'
  | 'stops'
  | 'via'
  | 'airline'
  | 'flightNumber'
>;

/** One flight leg: times in each airport's local time, the route, duration, stops and airline. */
export function FlightLeg({ flight, label }: { flight: LegShown; label?: string }) {
  return (
    <div className="flight-leg">
      {label && <span className="badge">{label}</span>}
      <div className="leg-times">
        <strong>
          {clockOf(flight.departLocal)} – {clockOf(flight.arriveLocal)}
          <DayShift departLocal={flight.departLocal} arriveLocal={flight.arriveLocal} />
        </strong>
        <span className="muted">
          {flight.origin.code} → {flight.destination.code}
        </span>
      </div>
      <div>
        <span>{formatDuration(flight.durationMin)}</span>
        <span className="muted">
          {' · '}
          {flight.stops === 0
            ? 'Nonstop'
            : `${plural(flight.stops, 'stop')}${flight.via ? ` (${flight.via.code})` : ''}`}
        </span>
      </div>
      <div className="muted">
        {flight.airline.name} · {flight.flightNumber}
      </div>
    </div>
  );
}

export const SeatsLeft = ({ seats }: { seats: number }) => <UnitsLeft count={seats} noun="seat" fewAt={9} />;

export const perPerson = (price: { amount: number; currency: string }) => `${formatMoney(price)} per person`;
