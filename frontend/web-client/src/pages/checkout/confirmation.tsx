import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../ui/format.ts';
import type { BookingAnswer } from './use-booking-attempt.ts';

/** The booking reference (the start of its id, as My trips shows it), in capitals for reading aloud. */
export const referenceOf = (id: string) => id.slice(0, 8).toUpperCase();

/** What the traveler sees once the booking is accepted: its reference, what was booked, where to find it. */
export function Confirmation({ booking }: { booking: BookingAnswer }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const confirmed = booking.status === 'confirmed';
  return (
    <section className="confirmation card" aria-labelledby="confirmation-title">
      <h1 id="confirmation-title" ref={heading} tabIndex={-1}>
        {confirmed ? 'You’re booked!' : 'Your booking is being finished'}
      </h1>
      <p className="reference">
        Booking reference <strong data-testid="booking-reference">{referenceOf(booking.id)}</strong>
      </p>
      {!confirmed && (
        <p>
          Your card was authorised and we are completing the booking. It appears in My trips within a minute; there is
          no need to book again.
        </p>
      )}
      <ul>
        {booking.items.map((item, i) => (
          <li key={i}>
            <strong>{item.title}</strong> <span className="muted">{item.subtitle}</span>
          </li>
        ))}
      </ul>
      {booking.price && (
        <p>
          Total charged:{' '}
          <strong data-testid="total-charged">{formatMoney(booking.price.total, { cents: true })}</strong>
          {booking.billing?.[0] && <span className="muted"> (receipt {booking.billing[0].billingNumber})</span>}
        </p>
      )}
      <p className="row-actions">
        <Link className="button" to={`/trips/${booking.id}`}>
          View this trip
        </Link>
        <Link to="/trips">All my trips</Link>
      </p>
    </section>
  );
}
