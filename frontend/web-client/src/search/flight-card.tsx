import { formatDuration, formatMoney, plural } from '../ui/format.ts';
import type { Flight } from './search-types.ts';
import { UnitsLeft } from './units-left.tsx';

const clock = (local: string) => {
  const [h, m] = local.slice(11, 16).split(':').map(Number);
  const suffix = h! < 12 ? 'AM' : 'PM';
  return `${((h! + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${suffix}`;
};
const dayShift = (flight: Flight) =>
  flight.arriveLocal.slice(0, 10) > flight.departLocal.slice(0, 10) ? <sup title="Arrives the next day">+1</sup> : null;

/** One flight leg: times in each airport's local time, the route, duration, stops and airline. */
export function FlightLeg({ flight, label }: { flight: Flight; label?: string }) {
  return (
    <div className="flight-leg">
      {label && <span className="badge">{label}</span>}
      <div className="leg-times">
        <strong>
          {clock(flight.departLocal)} – {clock(flight.arriveLocal)}
          {dayShift(flight)}
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
