import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';

interface Subscription {
  subscribed: true;
  cities: string[];
  kinds: ('flight' | 'room' | 'car')[];
  minScore: number;
}

const KINDS = [
  ['flight', 'Flights'],
  ['room', 'Hotels'],
  ['car', 'Rental cars'],
] as const;

/** The subscription, or null when there is none. */
async function subscriptionOf(signal: AbortSignal): Promise<Subscription | null> {
  const answer = await api<Subscription | { subscribed: false }>('/api/ai/deals/subscription', { signal });
  return answer.subscribed ? answer : null;
}

function KindsField({ kinds, onChange }: { kinds: Set<string>; onChange: (kinds: Set<string>) => void }) {
  return (
    <fieldset>
      <legend>What (none ticked: everything)</legend>
      {KINDS.map(([value, text]) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={kinds.has(value)}
            onChange={(e) => {
              const next = new Set(kinds);
              if (e.target.checked) next.add(value);
              else next.delete(value);
              onChange(next);
            }}
          />{' '}
          {text}
        </label>
      ))}
    </fieldset>
  );
}

const citiesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

/** A problem in words, the cities' format said when they were wrong. */
function problemText(error: unknown): string {
  const field = error instanceof ApiError ? error.fieldErrors[0] : undefined;
  if (!field) return messageOf(error);
  return field.field.startsWith('cities')
    ? `Cities: use three-letter codes such as DEN. ${field.message}`
    : field.message;
}

function SubscriptionForm({ current }: { current: Subscription | null }) {
  const client = useQueryClient();
  const [cities, setCities] = useState(current?.cities.join(', ') ?? '');
  const [kinds, setKinds] = useState<Set<string>>(new Set(current?.kinds ?? []));
  const refresh = () => void client.invalidateQueries({ queryKey: ['deal-subscription'] });
  const save = useMutation({
    mutationFn: () =>
      api<Subscription>('/api/ai/deals/subscription', {
        method: 'PUT',
        body: { cities: citiesOf(cities), kinds: [...kinds] },
      }),
    onSuccess: refresh,
  });
  const stop = useMutation({
    mutationFn: () => api<void>('/api/ai/deals/subscription', { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const error = save.error ?? stop.error;
  return (
    <form onSubmit={submit} noValidate className="deal-subscription">
      <p>
        {current
          ? 'You hear of new strong deals as they appear, on any page.'
          : 'Hear of new strong deals (well below their usual price) as they appear, on any page.'}
      </p>
      <div className="field">
        <label htmlFor="deal-cities">Cities or airports (codes, empty for all)</label>
        <input id="deal-cities" value={cities} onChange={(e) => setCities(e.target.value)} placeholder="DEN, LAX" />
      </div>
      <KindsField kinds={kinds} onChange={setKinds} />
      <button type="submit" disabled={save.isPending}>
        {current ? 'Save deal alerts' : 'Start deal alerts'}
      </button>{' '}
      {current && (
        <button type="button" className="secondary" onClick={() => stop.mutate()} disabled={stop.isPending}>
          Stop deal alerts
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {problemText(error)}
        </p>
      )}
    </form>
  );
}

/** New deals subscription: see it, change it, stop it. */
export function DealSubscription() {
  const subscription = useQuery({ queryKey: ['deal-subscription'], queryFn: ({ signal }) => subscriptionOf(signal) });
  if (subscription.isPending) return <div className="skeleton" aria-busy="true" aria-label="Loading deal alerts" />;
  if (subscription.isError) return <p role="alert">{messageOf(subscription.error)}</p>;
  return <SubscriptionForm key={JSON.stringify(subscription.data)} current={subscription.data} />;
}
