import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { labelOf } from '../../search/labels.ts';
import { formatDate, formatMoney, type Money } from '../../ui/format.ts';

export interface Watch {
  id: string;
  target: Record<string, unknown> & { type: 'route' | 'listing' | 'bundle'; label?: string };
  priceBelow: Money | null;
  inventoryBelow: number | null;
  armed: boolean;
  lastPrice: number | null;
  createdAt: string;
}

const KIND_WORDS: Record<string, string> = { flight: 'Flight', room: 'Hotel room', car: 'Rental car' };

/** What a watch is about, in words: its label if it was given one, else what its target says. */
export function describeWatch(target: Watch['target']): string {
  if (target.label) return target.label;
  if (target.type === 'bundle') return 'A trip planned in AI Mode';
  if (target.type === 'route') {
    const cabin = typeof target.cabin === 'string' ? `, ${labelOf(target.cabin).toLowerCase()}` : '';
    return `Flights ${String(target.origin)} → ${String(target.destination)}, ${formatDate(String(target.date))}${cabin}`;
  }
  return `${KIND_WORDS[String(target.kind)] ?? 'Listing'} ${String(target.listingId)}`;
}

function EditThreshold({ watch, done }: { watch: Watch; done: () => void }) {
  const inputId = useId();
  const client = useQueryClient();
  const [dollars, setDollars] = useState(String(Math.round((watch.priceBelow?.amount ?? 0) / 100)));
  const save = useMutation({
    mutationFn: (amount: number) =>
      api<Watch>(`/api/ai/watches/${watch.id}`, {
        method: 'PATCH',
        body: { priceBelow: { amount, currency: 'USD' }, inventoryBelow: watch.inventoryBelow },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['watches'] });
      done();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(Math.round(Number(dollars) * 100));
  };
  const error = save.error instanceof ApiError ? save.error.forField('priceBelow.amount') : undefined;
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Alert below (US$)</label>
      <input
        id={inputId}
        type="number"
        min={1}
        step={1}
        value={dollars}
        onChange={(e) => setDollars(e.target.value)}
        aria-invalid={save.error ? true : undefined}
      />
      <button type="submit" disabled={save.isPending}>
        Save
      </button>{' '}
      <button type="button" className="secondary" onClick={done}>
        Cancel
      </button>
      {save.error && (
        <small className="error" role="alert">
          {error ?? messageOf(save.error)}
        </small>
      )}
    </form>
  );
}

function WatchItem({ watch }: { watch: Watch }) {
  const [editing, setEditing] = useState(false);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/ai/watches/${watch.id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['watches'] }),
  });
  const what = describeWatch(watch.target);
  return (
    <li className="card" data-testid="watch">
      <h3>{what}</h3>
      <p>
        {watch.priceBelow && <>Alerts when it drops below {formatMoney(watch.priceBelow)}</>}
        {watch.priceBelow && watch.inventoryBelow !== null && ' or '}
        {watch.inventoryBelow !== null && <>when fewer than {watch.inventoryBelow} are left</>}.{' '}
        {watch.lastPrice !== null && (
          <span className="muted">Last seen at {formatMoney({ amount: watch.lastPrice, currency: 'USD' })}.</span>
        )}
      </p>
      {editing ? (
        <EditThreshold watch={watch} done={() => setEditing(false)} />
      ) : (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => setEditing(true)}
            aria-label={`Change the alert for ${what}`}
          >
            Change
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
            aria-label={`Delete the alert for ${what}`}
          >
            Delete
          </button>
        </p>
      )}
      {remove.isError && (
        <p className="form-error" role="alert">
          {messageOf(remove.error)}
        </p>
      )}
    </li>
  );
}

/** The traveler's price watches: each with its threshold, to change or delete. */
export function WatchList() {
  const watches = useQuery({
    queryKey: ['watches'],
    queryFn: ({ signal }) => api<{ items: Watch[] }>('/api/ai/watches', { signal }),
  });
  if (watches.isPending) return <div className="skeleton" aria-busy="true" aria-label="Loading price alerts" />;
  if (watches.isError) return <p role="alert">{messageOf(watches.error)}</p>;
  if (watches.data.items.length === 0) {
    return (
      <p className="empty-state">
        No price alerts yet. Set one from flight results, a hotel or a car, or from a trip in{' '}
        <Link to="/ai">AI Mode</Link>.
      </p>
    );
  }
  return (
    <ul className="trip-list">
      {watches.data.items.map((w) => (
        <WatchItem key={w.id} watch={w} />
      ))}
    </ul>
  );
}
