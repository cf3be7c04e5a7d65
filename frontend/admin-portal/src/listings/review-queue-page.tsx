import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../ui/error-text.ts';
import { SelectField } from '../ui/field.tsx';
import { formatInstant } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { listingKeys, useDecision } from './listing-api.ts';
import { ChangeTable } from './listing-history.tsx';
import { PhotoStrip } from '../photos/photo-strip.tsx';
import { KIND_LABEL, titleOf, type CarView, type HotelView, type Page as ListPage } from './listing-types.ts';
import { StatusActions } from './status-actions.tsx';

type Kind = 'hotels' | 'cars';
type Reviewed = HotelView | CarView;

interface QueueItem {
  kind: Kind;
  id: string;
  type: 'new' | 'change';
  submittedAt: string;
  owner: { id: string; email: string | null } | null;
  live: Reviewed | null;
  proposed: Reviewed;
  changedFields: string[];
}

interface BulkResult {
  kind: Kind;
  id: string;
  ok: boolean;
  problem?: { detail?: string; title: string };
}

const placeOf = (kind: Kind, listing: Reviewed) =>
  kind === 'hotels'
    ? `${(listing as HotelView).city} (${(listing as HotelView).cityCode})`
    : `${(listing as CarView).city} (${(listing as CarView).locationCode})`;

const keyOf = (item: { kind: string; id: string }) => `${item.kind}:${item.id}`;

/**
 * New listings and owners' changes to live ones, oldest first: a change is shown next to what is live. Approve or
 * reject each (with a note), or approve a selection at once; the answer says which of them went through.
 */
export function ReviewQueuePage() {
  usePageTitle('Review queue');
  const list = useListParams(['kind', 'type'] as const);
  const kind = list.filters.kind === 'cars' || list.filters.kind === 'hotels' ? list.filters.kind : undefined;
  const type = list.filters.type === 'new' || list.filters.type === 'change' ? list.filters.type : undefined;
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: ['listings', 'review-queue', { kind, type, cursor: list.cursor, limit: list.limit }],
    queryFn: ({ signal }) =>
      api<ListPage<QueueItem>>('/api/listings/review-queue', {
        query: { kind, type, cursor: list.cursor, limit: list.limit },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const decision = useDecision();
  const bulk = useMutation({
    mutationFn: (items: QueueItem[]) =>
      api<{ results: BulkResult[] }>('/api/listings/review-queue/decisions', {
        method: 'POST',
        body: { decisions: items.map((i) => ({ kind: i.kind, id: i.id, action: 'approve' })) },
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: listingKeys.all }),
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const items = queue.data?.items ?? [];
  const chosen = items.filter((i) => selected.has(keyOf(i)));

  const decide = (
    item: QueueItem,
    action: 'approve' | 'reject' | 'suspend' | 'reinstate',
    note: string | undefined,
    verb: string,
  ) =>
    decision.mutateAsync({ kind: item.kind, id: item.id, action, ...(note ? { note } : {}) }).then(() => {
      setOutcome({ text: `${verb}: ${titleOf(item.kind, item.proposed)}.`, failed: false });
      setSelected((s) => new Set([...s].filter((k) => k !== keyOf(item))));
    });

  const approveSelected = async () => {
    try {
      const { results } = await bulk.mutateAsync(chosen);
      const failed = results.filter((r) => !r.ok);
      setOutcome({
        text:
          failed.length === 0
            ? `Approved ${results.length} listing${results.length === 1 ? '' : 's'}.`
            : `Approved ${results.length - failed.length} of ${results.length}; not approved: ${failed
                .map((f) => `#${f.id} (${f.problem?.detail ?? f.problem?.title ?? 'refused'})`)
                .join(', ')}.`,
        failed: failed.length > 0,
      });
    } catch (err) {
      setOutcome({ text: errorText(err), failed: true });
    }
    setSelected(new Set());
  };

  return (
    <>
      <h1>Review queue</h1>
      <div className="toolbar">
        <SelectField label="Kind" value={kind ?? ''} onChange={(e) => list.setFilters({ kind: e.target.value })}>
          <option value="">Hotels and cars</option>
          <option value="hotels">{KIND_LABEL.hotels.many}</option>
          <option value="cars">{KIND_LABEL.cars.many}</option>
        </SelectField>
        <SelectField label="Waiting" value={type ?? ''} onChange={(e) => list.setFilters({ type: e.target.value })}>
          <option value="">New listings and changes</option>
          <option value="new">New listings</option>
          <option value="change">Changes to live listings</option>
        </SelectField>
        {queue.data?.total !== undefined && (
          <p className="muted" role="status">
            {queue.data.total.toLocaleString()} waiting, oldest first.
          </p>
        )}
      </div>
      {outcome && (
        <p role="status" className={outcome.failed ? 'bad' : 'good'}>
          {outcome.text}
        </p>
      )}
      {queue.isPending ? (
        <Loading label="Loading the review queue" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} retry={() => void queue.refetch()} what="The review queue" />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing waiting for review">
          <p>New listings and owners' changes to live listings appear here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="actions">
            <label className="check">
              <input
                type="checkbox"
                checked={chosen.length === items.length}
                onChange={(e) => setSelected(e.target.checked ? new Set(items.map(keyOf)) : new Set())}
              />
              Select every item on this page
            </label>
            <button
              type="button"
              disabled={chosen.length === 0 || bulk.isPending}
              onClick={() => void approveSelected()}
            >
              Approve selected ({chosen.length})
            </button>
          </div>
          <ul className="review-list">
            {items.map((item) => {
              const name = titleOf(item.kind, item.proposed);
              return (
                <li key={keyOf(item)} className="card">
                  <div className="page-head">
                    <label className="check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${name}`}
                        checked={selected.has(keyOf(item))}
                        onChange={(e) =>
                          setSelected((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(keyOf(item));
                            else next.delete(keyOf(item));
                            return next;
                          })
                        }
                      />
                      <Link to={`/listings/${item.kind}/${item.id}`}>{name}</Link>
                    </label>
                    <span className="badge">{item.type === 'new' ? 'New' : 'Change'}</span>
                  </div>
                  <p className="muted">
                    {KIND_LABEL[item.kind].one} #{item.id} · {placeOf(item.kind, item.proposed)} · submitted{' '}
                    {formatInstant(item.submittedAt)}
                    {item.owner && (
                      <>
                        {' · '}
                        <Link to={`/users/${item.owner.id}`}>{item.owner.email ?? 'owner'}</Link>
                      </>
                    )}
                  </p>
                  {item.type === 'change' ? (
                    <ChangeTable live={item.live} proposed={item.proposed} fields={item.changedFields} />
                  ) : (
                    <PhotoStrip photos={item.proposed.photos} label={`Photos of ${name}`} />
                  )}
                  <StatusActions
                    status={item.type === 'new' ? 'pending' : 'active'}
                    hasChange={item.type === 'change'}
                    name={name}
                    onDecide={(action, note, verb) => decide(item, action, note, verb)}
                  />
                </li>
              );
            })}
          </ul>
          <Pager shown={items.length} nextCursor={queue.data.nextCursor} list={list} noun="item" />
        </>
      )}
    </>
  );
}
