import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { labelOf } from '../../search/labels.ts';
import type { Car, Flight, FlightPair, Hotel } from '../../search/search-types.ts';
import { flightsAllIn, rentalAllIn, stayAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';
import { contactAndPaymentOf, driverOf, leadGuestOf, passengersOf, type Needs } from './checkout-form.ts';
import { CheckoutScreen } from './checkout-screen.tsx';

interface Bundle {
  id: string;
  label: string;
  flight: Flight | FlightPair | null;
  cabin: string | null;
  party: number;
  hotel: (Hotel & { checkIn: string; checkOut: string; nights: number }) | null;
  car: (Car & { pickupDate: string; dropoffDate: string }) | null;
  total: { amount: number; currency: string };
  whyThis: string;
}

/**
 * What booking the bundle charges, taxes and fees included: each flight for the party, the stay (its rooms as
 * priced in the bundle) and the rental, by the booking service's own rules.
 */
function bundleAllIn(bundle: Bundle, legs: { legs?: { price: { amount: number } }[]; price: { amount: number } }[]) {
  const flights = legs.flatMap((it) => it.legs ?? [it]);
  let total = flightsAllIn(flights, bundle.party);
  if (bundle.hotel) {
    const { nightlyPrice, totalPrice, nights } = bundle.hotel;
    const rooms = Math.max(1, Math.round(totalPrice.amount / Math.max(1, nightlyPrice.amount * nights)));
    total += stayAllIn(nightlyPrice.amount, nights, rooms);
  }
  if (bundle.car) {
    const days = Math.max(1, Math.round(bundle.car.totalPrice.amount / Math.max(1, bundle.car.dailyPrice.amount)));
    total += rentalAllIn(bundle.car.dailyPrice.amount, days);
  }
  return total;
}

function BundleSummary({ bundle }: { bundle: Bundle }) {
  const legs = bundle.flight
    ? 'outbound' in bundle.flight
      ? [bundle.flight.outbound, bundle.flight.return]
      : [bundle.flight]
    : [];
  return (
    <section className="card price-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Your AI-planned trip ({labelOf(bundle.label.replace(/-/g, '_')).toLowerCase()})</h2>
      <p className="muted">{bundle.whyThis}</p>
      <ul className="summary-lines">
        {legs.map((f) => (
          <li key={f.id}>
            <strong>
              {f.flightNumber}: {f.origin.code} → {f.destination.code}
            </strong>
            <div className="muted">
              {formatDate(f.departLocal.slice(0, 10))}, {f.departLocal.slice(11, 16)} ·{' '}
              {labelOf(bundle.cabin ?? 'economy')} · {plural(bundle.party, 'passenger')}
            </div>
          </li>
        ))}
        {bundle.hotel && (
          <li>
            <strong>{bundle.hotel.name}</strong>
            <div className="muted">
              {formatDate(bundle.hotel.checkIn)} – {formatDate(bundle.hotel.checkOut)} ·{' '}
              {plural(bundle.hotel.nights, 'night')}
            </div>
          </li>
        )}
        {bundle.car && (
          <li>
            <strong>
              {bundle.car.model} from {bundle.car.company}
            </strong>
            <div className="muted">
              {formatDate(bundle.car.pickupDate)} – {formatDate(bundle.car.dropoffDate)}
            </div>
          </li>
        )}
      </ul>
      <p>
        Total to pay, taxes and fees included:{' '}
        <strong data-testid="checkout-total">
          {formatMoney({ ...bundle.total, amount: bundleAllIn(bundle, legs) }, { cents: true })}
        </strong>
      </p>
      <p className="muted small">
        {formatMoney(bundle.total, { cents: true })} before taxes and fees, which are worked out per item as the booking
        charges them. Each item keeps its own cancellation policy.
      </p>
    </section>
  );
}

/** Checkout for a bundle the AI concierge planned: booked in one go through the agent, with the traveler's consent. */
export function BundleCheckout({ id }: { id: string }) {
  const bundle = useQuery({
    queryKey: ['bundle', id],
    queryFn: ({ signal }) => api<Bundle>(`/api/ai/bundles/${id}`, { signal }),
  });
  if (bundle.isPending) return <p aria-busy="true">Loading your trip…</p>;
  if (bundle.isError) {
    return (
      <section className="empty-state" role="alert">
        <h1>This trip could not be loaded</h1>
        <p>
          {bundle.error instanceof ApiError && bundle.error.status === 404
            ? 'It is not one of your planned trips.'
            : messageOf(bundle.error)}
        </p>
        <Link to="/ai">Plan a trip with AI Mode</Link>
      </section>
    );
  }
  const b = bundle.data;
  const needs: Needs = {
    passengers: b.flight ? b.party : 0,
    leadGuest: Boolean(b.hotel && !b.flight),
    driver: Boolean(b.car),
  };
  return (
    <>
      <h1>Checkout</h1>
      <CheckoutScreen
        needs={needs}
        path={`/api/ai/bundles/${b.id}/book`}
        buildBody={(values) => ({
          confirm: true,
          ...(needs.passengers > 0 ? { passengers: passengersOf(needs, values) } : {}),
          ...(needs.leadGuest ? { leadGuest: leadGuestOf(values) } : {}),
          ...(needs.driver ? { driver: driverOf(values) } : {}),
          ...contactAndPaymentOf(values),
        })}
        summary={<BundleSummary bundle={b} />}
        conflict={(error) => (
          <div className="problem card">
            <h2>Part of this trip changed</h2>
            <p>{error.detail ?? 'A price moved or an item sold out.'} Nothing was booked or charged.</p>
            <Link to="/ai">Ask AI Mode for a fresh plan</Link>
          </div>
        )}
      />
    </>
  );
}
