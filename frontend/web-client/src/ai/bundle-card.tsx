import { useId } from 'react';
import { Link } from 'react-router';
import { inSentence, labelOf } from '../search/labels.ts';
import { formatDate, formatDuration, formatMoney, plural } from '../ui/format.ts';
import { legsOf, type Bundle, type BundleLabel, type FlightLeg } from './agent-types.ts';
import { clockOf, dayOf, dayShift } from './local-time.ts';
import { WatchForm } from './watch-form.tsx';

export const LABELS: Record<BundleLabel, string> = {
  'best-fit': 'Best fit',
  'lowest-price': 'Lowest price',
  'runner-up': 'Runner-up',
  'most-comfortable': 'Most comfortable',
  alternative: 'Alternative',
};

/** The parts of a refined pick that differ from the pick before it. */
export type ChangedPart = 'total' | 'flight' | 'hotel' | 'car';

export function changedParts(previous: Bundle | null | undefined, next: Bundle): Set<ChangedPart> {
  const parts = new Set<ChangedPart>();
  if (!previous) return parts;
  if (previous.total.amount !== next.total.amount) parts.add('total');
  if (previous.flight?.id !== next.flight?.id) parts.add('flight');
  if (previous.hotel?.id !== next.hotel?.id) parts.add('hotel');
  if (previous.car?.id !== next.car?.id) parts.add('car');
  return parts;
}

const mark = (changed: boolean, base = '') => [base, changed ? 'changed' : ''].filter(Boolean).join(' ') || undefined;

function Leg({ leg }: { leg: FlightLeg }) {
  return (
    <li>
      <strong>
        {leg.origin.code} → {leg.destination.code}
      </strong>{' '}
      {dayOf(leg.departLocal)}, {clockOf(leg.departLocal)} – {clockOf(leg.arriveLocal)}
      {dayShift(leg.departLocal, leg.arriveLocal)} <span className="muted">(local times)</span>
      <br />
      <span className="muted">
        {leg.airline.name} {leg.flightNumber} · {formatDuration(leg.durationMin)} ·{' '}
        {leg.stops === 0 ? 'Nonstop' : plural(leg.stops, 'stop')}
        {leg.refundable ? ' · Refundable' : ''}
      </span>
    </li>
  );
}

/** One complete option: what it costs the whole party, why it was picked, and what to book or watch. */
export function BundleCard({ bundle, changed }: { bundle: Bundle; changed?: Set<ChangedPart> | undefined }) {
  const titleId = useId();
  const place = bundle.destination;
  const label = place ? `${place.city}, ${place.country}` : LABELS[bundle.label];
  const relaxes = bundle.relaxes ?? [];
  return (
    <article className="card ai-bundle" aria-labelledby={titleId} data-testid="bundle">
      <header className="ai-bundle-head">
        <h3 id={titleId}>{label}</h3>
        <span className="badge">Fit score {bundle.fitScore}/100</span>
      </header>
      {place && (
        <p className="muted">
          {LABELS[bundle.label]}
          {place.averageHighC !== null ? ` · average high ${Math.round(place.averageHighC)} °C` : ''}
        </p>
      )}
      {relaxes.length > 0 ? (
        <p className="ai-relaxes" data-testid="relaxes">
          <strong>Does not meet your request:</strong> {relaxes.map((r) => r.text).join('; ')}.
        </p>
      ) : null}
      <p className={mark(changed?.has('total') ?? false, 'price')}>
        {formatMoney(bundle.total)}{' '}
        <small className="muted">total for {plural(bundle.party, 'traveler')}, before taxes and fees</small>
      </p>
      <p>
        <strong>Why this:</strong> {bundle.whyThis}
      </p>
      <p>
        <strong>What to watch:</strong> {bundle.whatToWatch}
      </p>
      {bundle.flight && (
        <section className={mark(changed?.has('flight') ?? false, 'ai-part')} aria-label="Flights">
          <h4>Flights{bundle.cabin ? `, ${inSentence(bundle.cabin)}` : ''}</h4>
          <ul>
            {legsOf(bundle.flight).map((leg) => (
              <Leg key={leg.id} leg={leg} />
            ))}
          </ul>
        </section>
      )}
      {bundle.hotel && (
        <section className={mark(changed?.has('hotel') ?? false, 'ai-part')} aria-label="Hotel">
          <h4>Hotel</h4>
          <p>
            <strong>{bundle.hotel.name}</strong>, {bundle.hotel.stars}-star, {bundle.hotel.neighborhood} ·{' '}
            {bundle.hotel.rating.toFixed(1)}/10 ({plural(bundle.hotel.reviewCount, 'review')})
            <br />
            <span className="muted">
              {plural(bundle.hotel.nights, 'night')}, {formatDate(bundle.hotel.checkIn)} –{' '}
              {formatDate(bundle.hotel.checkOut)} · {bundle.hotel.amenities.slice(0, 6).map(labelOf).join(', ')}
            </span>
          </p>
        </section>
      )}
      {bundle.car && (
        <section className={mark(changed?.has('car') ?? false, 'ai-part')} aria-label="Car">
          <h4>Car</h4>
          <p>
            <strong>
              {labelOf(bundle.car.carClass)} car from {bundle.car.company}
            </strong>{' '}
            ({bundle.car.model} or similar, {bundle.car.seats} seats) at {bundle.car.location.code}
            <br />
            <span className="muted">
              {formatDate(bundle.car.pickupDate)} – {formatDate(bundle.car.dropoffDate)} ·{' '}
              {formatMoney(bundle.car.totalPrice)}
            </span>
          </p>
        </section>
      )}
      <div className="ai-bundle-actions">
        <Link className="button" to={`/checkout?bundle=${bundle.id}`}>
          Book<span className="ai-sr-only"> {label}</span>
        </Link>
        <WatchForm bundle={bundle} />
      </div>
    </article>
  );
}
