import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { DollarThresholdForm } from '../ui/dollar-threshold-form.tsx';
import { api } from '../api/http.ts';
import { useSession } from '../session/use-session.ts';
import { formatMoney } from '../ui/format.ts';

/** What a price alert watches: every flight of a route on a day, or one listing's unit (a room type, a car…). */
export type AlertTarget =
  | { type: 'route'; origin: string; destination: string; date: string; cabin: string }
  | { type: 'listing'; kind: 'flight' | 'room' | 'car'; listingId: string; cabin?: string };

interface Watch {
  id: string;
  priceBelow: { amount: number; currency: string } | null;
}

/**
 * "Alert me below $…": a price watch on what the page shows, its threshold the current price by default. The
 * price watched is the fare or rate before taxes (what the market moves); the alert arrives on any page and on
 * the Price alerts page. Signed out, it offers to sign in and come back.
 */
export function PriceAlert({
  target,
  price,
  label,
  what,
}: {
  target: AlertTarget;
  price: number;
  label: string;
  what: string;
}) {
  const session = useSession();
  const location = useLocation();
  const [dollars, setDollars] = useState(String(Math.max(1, Math.floor(price / 100))));
  const watch = useMutation({
    mutationFn: (amount: number) =>
      api<Watch>('/api/ai/watches', {
        method: 'POST',
        body: { target, priceBelow: { amount, currency: 'USD' }, label },
      }),
  });
  if (session.status !== 'signed-in') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <p className="price-alert muted small">
        <Link to={`/login?next=${next}`}>Sign in</Link> to get an alert when {what} drops in price.
      </p>
    );
  }
  if (watch.data) {
    return (
      <p className="price-alert" role="status" data-testid="price-alert-set">
        Price alert set: we will tell you, on any page, when {what} drops below{' '}
        {formatMoney(watch.data.priceBelow ?? { amount: price, currency: 'USD' })}.{' '}
        <Link to="/alerts">Your price alerts</Link>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    watch.mutate(Math.round(Number(dollars) * 100));
  };
  const fieldError = watch.error instanceof ApiError ? watch.error.forField('priceBelow.amount') : undefined;
  return (
    <DollarThresholdForm
      className="price-alert"
      ariaLabel={`Price alert for ${what}`}
      label={`Alert me when ${what} drops below (US$, before taxes)`}
      dollars={dollars}
      onDollars={setDollars}
      onSubmit={submit}
      pending={watch.isPending}
      idleText="Set price alert"
      pendingText="Setting…"
      error={watch.error}
      fieldError={fieldError}
    />
  );
}
