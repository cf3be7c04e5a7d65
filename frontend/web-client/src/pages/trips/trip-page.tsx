import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { todayIso } from '../../search/dates.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { RequireSignIn } from '../../ui/require-sign-in.tsx';
import { referenceOf } from '../checkout/confirmation.tsx';
import { STATUS_TEXT, type Booking, type BookingItem } from './booking-types.ts';
import { CancelTrip } from './cancel-trip.tsx';
import { ReviewForm } from './review-form.tsx';

const money = (m: { amount: number; currency: string }) => formatMoney(m, { cents: true });

function Item({ item, ended }: { item: BookingItem; ended: boolean }) {
  return (
    <li className="card">
      <h3>{item.title}</h3>
      <p className="muted">
        {item.subtitle} · {formatDate(item.startDate, true)}
        {item.endDate !== item.startDate && ` – ${formatDate(item.endDate, true)}`}
      </p>
      <p>
        {item.travelers.map((t) => `${String(t.firstName)} ${String(t.lastName)}`).join(', ')} · {money(item.subtotal)}{' '}
        + taxes and fees {money({ ...item.taxes, amount: item.taxes.amount + item.fees.amount })}
      </p>
      {ended && <ReviewForm item={item} />}
    </li>
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
  const ended = b.status === 'confirmed' && b.endsOn < todayIso();
  const cancellable = b.status === 'confirmed' && b.items.every((i) => Date.parse(i.policy.startsAt) > Date.now());
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
          Refund: <strong>{money(b.cancellation.refund)}</strong> to {b.payment?.method ?? 'your card'}.
        </p>
      )}
      <ul className="trip-items">
        {b.items.map((item) => (
          <Item key={item.position} item={item} ended={ended} />
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
        {b.payment && <p className="muted">Paid with {b.payment.method}</p>}
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
