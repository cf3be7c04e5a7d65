import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.ts';
import { DollarThresholdForm } from '../ui/dollar-threshold-form.tsx';
import { api } from '../api/http.ts';
import { formatMoney } from '../ui/format.ts';
import type { Bundle } from './agent-types.ts';

interface Watch {
  id: string;
  priceBelow: { amount: number; currency: string } | null;
}

/** "Watch this price": an alert (on any page) when the bundle's total drops below the amount, today's by default. */
export function WatchForm({ bundle }: { bundle: Bundle }) {
  const [dollars, setDollars] = useState(String(Math.ceil(bundle.total.amount / 100)));
  const watch = useMutation({
    mutationFn: (amount: number) =>
      api<Watch>('/api/ai/watches', {
        method: 'POST',
        body: { target: { type: 'bundle', bundleId: bundle.id }, priceBelow: { amount, currency: 'USD' } },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    watch.mutate(Math.round(Number(dollars) * 100));
  };
  if (watch.data) {
    return (
      <p className="ai-watching" role="status">
        Watching: we will alert you, on any page, when this trip drops below{' '}
        {formatMoney(watch.data.priceBelow ?? bundle.total)}.
      </p>
    );
  }
  const fieldError =
    watch.error instanceof ApiError
      ? (watch.error.forField('amount') ?? watch.error.forField('priceBelow'))
      : undefined;
  return (
    <DollarThresholdForm
      className="ai-watch"
      label="Alert me below (US$)"
      dollars={dollars}
      onDollars={setDollars}
      onSubmit={submit}
      pending={watch.isPending}
      idleText="Watch this price"
      pendingText="Starting…"
      error={watch.error}
      fieldError={fieldError}
    />
  );
}
