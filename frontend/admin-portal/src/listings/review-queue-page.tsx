import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../ui/error-text.ts';
import { formatInstant } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { EmptyState, ErrorState, Loading, NotAvailableYet } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { useSetStatus } from './listing-api.ts';
import {
  KIND_LABEL,
  titleOf,
  type CarView,
  type HotelView,
  type ListingStatus,
  type Page as ListPage,
} from './listing-types.ts';
import { StatusActions } from './status-actions.tsx';

type Kind = 'hotels' | 'cars';
type Pending = HotelView | CarView;

const placeOf = (kind: Kind, listing: Pending) =>
  kind === 'hotels'
    ? `${(listing as HotelView).city} (${(listing as HotelView).cityCode})`
    : `${(listing as CarView).city} (${(listing as CarView).locationCode})`;

/**
 * New listings waiting for an admin: approve or reject each, or approve a selection at once. The side-by-side view
 * of a change against what is live needs the review API; today only new listings wait here.
 */
export function ReviewQueuePage() {
  usePageTitle('Review queue');
  const list = useListParams(['kind'] as const);
  const kind: Kind = list.filters.kind === 'cars' ? 'cars' : 'hotels';
  const queue = useQuery({
    queryKey: ['listings', kind, { status: 'pending', cursor: list.cursor, limit: list.limit }],
    queryFn: ({ signal }) =>
      api<ListPage<Pending>>(`/api/listings/${kind}`, {
        query: { status: 'pending', cursor: list.cursor, limit: list.limit },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const setStatus = useSetStatus();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const items = queue.data?.items ?? [];
  const chosen = items.filter((l) => selected.has(l.id));

  const decide = (listing: Pending, next: ListingStatus, verb: string) =>
    setStatus.mutateAsync({ kind, id: listing.id, status: next }).then(() => {
      setOutcome({ text: `${verb}: ${titleOf(kind, listing)}.`, failed: false });
      setSelected((s) => new Set([...s].filter((id) => id !== listing.id)));
    });

  const approveSelected = async () => {
    const results = await Promise.allSettled(
      chosen.map((l) => setStatus.mutateAsync({ kind, id: l.id, status: 'active' })),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    setOutcome({
      text:
        failed.length === 0
          ? `Approved ${chosen.length} listing${chosen.length === 1 ? '' : 's'}.`
          : `Approved ${chosen.length - failed.length} of ${chosen.length}; the others failed: ${errorText((failed[0] as PromiseRejectedResult).reason)}`,
      failed: failed.length > 0,
    });
    setSelected(new Set());
  };

  return (
    <>
      <h1>Review queue</h1>
      <nav className="tabs" aria-label="Kind of listing">
        {(['hotels', 'cars'] as const).map((k) => (
          <Link key={k} to={`/review?kind=${k}`} aria-current={k === kind ? 'page' : undefined}>
            {KIND_LABEL[k].many}
          </Link>
        ))}
      </nav>
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
        <EmptyState title={`No ${KIND_LABEL[kind].many.toLowerCase()} waiting for review`}>
          <p>New listings from owners appear here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="actions">
            <button type="button" disabled={chosen.length === 0} onClick={() => void approveSelected()}>
              Approve selected ({chosen.length})
            </button>
          </div>
          <TableFrame label="Listings waiting for review">
            <table>
              <caption className="visually-hidden">{KIND_LABEL[kind].many} waiting for review, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={chosen.length === items.length}
                        onChange={(e) => setSelected(e.target.checked ? new Set(items.map((l) => l.id)) : new Set())}
                      />
                      <span className="visually-hidden">Select every listing on this page</span>
                    </label>
                  </th>
                  <th scope="col">Listing</th>
                  <th scope="col">Where</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {items.map((listing) => (
                  <tr key={listing.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${titleOf(kind, listing)}`}
                        checked={selected.has(listing.id)}
                        onChange={(e) =>
                          setSelected((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(listing.id);
                            else next.delete(listing.id);
                            return next;
                          })
                        }
                      />
                    </td>
                    <th scope="row">
                      <Link to={`/listings/${kind}/${listing.id}`}>{titleOf(kind, listing)}</Link>
                    </th>
                    <td>{placeOf(kind, listing)}</td>
                    <td>{formatInstant(listing.updatedAt)}</td>
                    <td>
                      <StatusActions
                        status="pending"
                        name={titleOf(kind, listing)}
                        onChange={(next, verb) => decide(listing, next, verb)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Pager shown={items.length} nextCursor={queue.data.nextCursor} list={list} noun="listing" />
        </>
      )}
      <NotAvailableYet title="Changes to live listings, side by side">
        <p>
          Owners' edits to live listings go live at once today. Reviewing a change next to what is live, with a note to
          the owner, needs the review API.
        </p>
      </NotAvailableYet>
    </>
  );
}
