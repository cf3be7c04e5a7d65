import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api/api-error.ts';
import { messageOf } from '../../api/api-error.ts';
import { formatMoney } from '../../ui/format.ts';
import { useCart, type CartLine } from './cart.ts';
import {
  contactAndPaymentOf,
  driverOf,
  leadGuestOf,
  passengersOf,
  type FormValues,
  type Needs,
} from './checkout-form.ts';
import { CheckoutScreen } from './checkout-screen.tsx';
import { PriceSummary } from './price-summary.tsx';

const EXPECTED = { flight: 'expectedUnitPrice', room: 'expectedNightlyPrice', car: 'expectedDailyPrice' } as const;

interface PriceChange {
  position: number;
  shown: { amount: number; currency: string };
  now: { amount: number; currency: string };
}

const withPrices = (lines: CartLine[], overrides: Record<string, number>): CartLine[] =>
  lines.map((l) => {
    const price = overrides[l.key];
    return price === undefined ? l : { ...l, unitPrice: price, item: { ...l.item, [EXPECTED[l.kind]]: price } };
  });

function bodyOf(lines: CartLine[], needs: Needs, values: FormValues) {
  const passengers = passengersOf(needs, values);
  return {
    items: lines.map((l) =>
      l.kind === 'flight'
        ? { ...l.item, passengers }
        : l.kind === 'room'
          ? { ...l.item, leadGuest: leadGuestOf(values) }
          : { ...l.item, driver: driverOf(values) },
    ),
    ...contactAndPaymentOf(values),
  };
}

/** Checkout for the flights, room and car in the URL, priced now by search and booked with POST /api/bookings. */
export function ItemsCheckout({ params }: { params: URLSearchParams }) {
  const cart = useCart(params);
  const [overrides, setOverrides] = useState<Record<string, number>>({});
  if (cart.empty) {
    return (
      <section className="empty-state">
        <h1>Nothing to check out</h1>
        <p>
          Choose a flight, hotel room or car first. <Link to="/">Start a search</Link>.
        </p>
      </section>
    );
  }
  if (cart.pending) return <p aria-busy="true">Checking the latest prices…</p>;
  if (cart.error) {
    return (
      <section className="empty-state" role="alert">
        <h1>This choice can no longer be booked</h1>
        <p>{messageOf(cart.error)}</p>
        <button type="button" onClick={cart.refetch}>
          Try again
        </button>{' '}
        <Link to="/">Start a new search</Link>
      </section>
    );
  }
  const lines = withPrices(cart.lines, overrides);
  const needs: Needs = {
    passengers: lines.some((l) => l.kind === 'flight') ? Number(params.get('passengers') ?? 1) : 0,
    leadGuest: lines.some((l) => l.kind === 'room'),
    driver: lines.some((l) => l.kind === 'car'),
  };

  const conflict = (error: ApiError, bookWith: (build: (values: FormValues) => unknown) => void) => {
    const changes = (error.extensions.prices as PriceChange[] | undefined) ?? [];
    if (changes.length === 0) {
      const position = Number(/^items\.(\d+)/.exec(error.fieldErrors[0]?.field ?? '')?.[1] ?? 0);
      const line = lines[position];
      return (
        <div className="problem card">
          <h2>Sold out</h2>
          <p>{error.detail ?? 'One of your choices is no longer available.'} Nothing was booked or charged.</p>
          <Link to={line?.backTo ?? '/'}>Choose another option</Link>
        </div>
      );
    }
    const accepted = { ...overrides };
    for (const c of changes) {
      const line = lines[c.position];
      if (line) accepted[line.key] = c.now.amount;
    }
    return (
      <div className="problem card" data-testid="price-changed">
        <h2>The price changed</h2>
        <ul>
          {changes.map((c) => (
            <li key={c.position}>
              {lines[c.position]?.title}: now <strong>{formatMoney(c.now, { cents: true })}</strong> (was{' '}
              {formatMoney(c.shown, { cents: true })})
            </li>
          ))}
        </ul>
        <p>Nothing was booked or charged.</p>
        <button
          type="button"
          onClick={() => {
            setOverrides(accepted);
            bookWith((values) => bodyOf(withPrices(cart.lines, accepted), needs, values));
          }}
        >
          Book at the new price
        </button>{' '}
        <Link to={lines[changes[0]!.position]?.backTo ?? '/'}>Back to the options</Link>
      </div>
    );
  };

  return (
    <>
      <h1>Checkout</h1>
      <CheckoutScreen
        needs={needs}
        path="/api/bookings"
        buildBody={(values) => bodyOf(lines, needs, values)}
        summary={<PriceSummary lines={lines} />}
        conflict={conflict}
      />
    </>
  );
}
