import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { todayIso } from '../../search/dates.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { RequireSignIn } from '../../ui/require-sign-in.tsx';
import { referenceOf } from '../checkout/confirmation.tsx';
import { STATUS_TEXT, type Booking, type BookingItem } from './booking-types.ts';
import { CancelItem } from './cancel-item.tsx';
import { CancelTrip } from './cancel-trip.tsx';
import { isLive } from './refund-preview.ts';
import { ReviewForm } from './review-form.tsx';
import { paymentMethodText } from '../../search/labels.ts';

const money = (m: { amount: number; currency: string }) => formatMoney(m, { cents: true });

const notStarted = (item: BookingItem) => Date.parse(item.policy.startsAt) > Date.now();

function ItemCancellation({ item }: { item: BookingItem }) {
  if (!item.cancellation) return null;
  const done = item.cancellation.status === 'cancelled';
  return (
    <p role="status" data-testid="item-cancellation">
      <span className="badge status-cancelled">{done ? 'Cancelled' : 'Being cancelled'}</span> Refund{' '}
      <strong>{money(item.cancellation.refund)}</strong>
      {item.cancellation.cancelledAt && ` on ${formatDate(item.cancellation.cancelledAt.slice(0, 10), true)}`}
    </p>
  );
}

function Item({
  booking,
  item,
  ended,
  cancellable,
}: {
  booking: Booking;
  item: BookingItem;
  ended: boolean;
  cancellable: boolean;
}) {
  return (
    <li className="card" data-testid="trip-item">
      <h3>{item.title}</h3>
      <p className="muted">
        {item.subtitle} · {formatDate(item.startDate, true)}
        {item.endDate !== item.startDate && ` – ${formatDate(item.endDate, true)}`}
      </p>
      <p>
        {item.travelers.map((t) => `${String(t.firstName)} ${String(t.lastName)}`).join(', ')} ·{' '}
        {money({ ...item.subtotal, amount: item.subtotal.amount + item.taxes.amount + item.fees.amount })}{' '}
        <span className="muted">taxes and fees included</span>
      </p>
      <ItemCancellation item={item} />
      {cancellable && <CancelItem booking={booking} item={item} />}
      {ended && !item.cancellation && <ReviewForm item={item} />}
    </li>
  );
}

/** An attempt that was never booked: when, why, and that nothing was charged. */
function NotBooked({ booking }: { booking: Booking }) {
  return (
    <div className="trip-page">
      <p>
        <Link to="/trips?when=not-booked">← Attempts not booked</Link>
      </p>
      <h1>
        Booking attempt <span className={`badge status-${booking.status}`}>{STATUS_TEXT[booking.status]}</span>
      </h1>
      <p className="muted">
        Tried on {formatDate(booking.createdAt.slice(0, 10), true)} for {formatDate(booking.startsOn, true)} –{' '}
        {formatDate(booking.endsOn, true)}.
      </p>
      <p className="card" role="status" data-testid="failure">
        {/* The answer the traveler got then: it says why, and that nothing was booked or charged. */}
        {booking.failure?.detail ?? 'This booking did not go through. Nothing was booked or charged.'}
      </p>
      <ul className="trip-items">
        {booking.items.map((item) => (
          <li key={item.position} className="card">
            <h3>{item.title}</h3>
            <p className="muted">{item.subtitle}</p>
          </li>
        ))}
      </ul>
      <Link to="/">Search again</Link>
    </div>
  );
}

function Trip() {
  const { id = '' } = useParams();
  const trip = useQuery({
    queryKey: ['booking', id],
    queryFn: ({ signal }) => api<Booking>(`/api/bookings/${id}`, { signal }),
  });
  if (trip.isPending) return <div className="skeleton" aria-busy="true" aria-label="Loading the trip" />;
  if (trip.isError) {
    const missing = trip.error instanceof ApiError && (trip.error.status === 404 || trip.error.status === 400);
    return (
      <section className="empty-state" role="alert">
        <h1>{missing ? 'No such trip' : 'The trip could not be loaded'}</h1>
        <p>{missing ? 'It is not one of your bookings.' : messageOf(trip.error)}</p>
        {!missing && (
          <button type="button" onClick={() => void trip.refetch()}>
            Try again
          </button>
        )}{' '}
        <Link to="/trips">All my trips</Link>
      </section>
    );
  }
  const b = trip.data;
  if (b.status === 'failed') return <NotBooked booking={b} />;
  const ended = b.status === 'confirmed' && b.endsOn < todayIso();
  const live = b.items.filter(isLive);
  const cancellable = b.status === 'confirmed' && live.every(notStarted);
  // One part alone can be cancelled when the trip has several parts left; the last one cancels the trip.
  const partCancellable = (item: BookingItem) =>
    b.status === 'confirmed' && live.length > 1 && isLive(item) && notStarted(item);
  return (
    <div className="trip-page">
      <p>
        <Link to="/trips">← All my trips</Link>
      </p>
      <h1>
        Trip {referenceOf(b.id)} <span className={`badge status-${b.status}`}>{STATUS_TEXT[b.status]}</span>
      </h1>
      <p className="muted">
        {formatDate(b.startsOn, true)} – {formatDate(b.endsOn, true)} · booked{' '}
        {formatDate(b.createdAt.slice(0, 10), true)}
      </p>
      {b.cancellation && (
        <p className="card" role="status" data-testid="cancellation">
          Cancelled{b.cancellation.cancelledAt && ` on ${formatDate(b.cancellation.cancelledAt.slice(0, 10), true)}`}.
          Refund: <strong>{money(b.cancellation.refund)}</strong> to{' '}
          {b.payment ? paymentMethodText(b.payment.method) : 'your card'}.
        </p>
      )}
      <ul className="trip-items">
        {b.items.map((item) => (
          <Item key={item.position} booking={b} item={item} ended={ended} cancellable={partCancellable(item)} />
        ))}
      </ul>
      <section className="card" aria-labelledby="paid-title">
        <h2 id="paid-title">Payment</h2>
        <dl className="breakdown">
          <div className="breakdown-row">
            <dt>Subtotal</dt>
            <dd>{money(b.price.subtotal)}</dd>
          </div>
          {[...b.price.taxes, ...b.price.fees].map((l) => (
            <div key={l.label} className="breakdown-row">
              <dt>{l.label}</dt>
              <dd>{money(l.amount)}</dd>
            </div>
          ))}
          <div className="breakdown-row total">
            <dt>Total</dt>
            <dd>{money(b.price.total)}</dd>
          </div>
        </dl>
        {b.payment && <p className="muted">Paid with {paymentMethodText(b.payment.method)}</p>}
        {b.billing.length > 0 && (
          <p className="muted small">
            Receipts: {b.billing.map((r) => `${r.billingNumber} (${r.kind} ${money(r.amount)})`).join(', ')}
          </p>
        )}
      </section>
      {cancellable && <CancelTrip booking={b} />}
    </div>
  );
}

export function TripPage() {
  return (
    <RequireSignIn>
      <Trip />
    </RequireSignIn>
  );
}
