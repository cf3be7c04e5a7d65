import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState } from 'react';
import { formatInstant } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import type { ListingKind, ListingView } from './listing-types.ts';
import { PhotoStrip } from '../photos/photo-strip.tsx';

interface HistoryItem {
  id: string;
  at: string;
  actor: { id: string | null; role: string };
  action: string;
  note?: string;
  changedFields?: string[];
}

const ACTION_LABEL: Record<string, string> = {
  created: 'Created',
  edited: 'Edited',
  resubmitted: 'Corrected and submitted again',
  'change-submitted': 'Change submitted for review',
  'change-withdrawn': 'Change withdrawn',
  'change-approved': 'Change approved',
  'change-rejected': 'Change rejected',
  approved: 'Approved',
  rejected: 'Rejected',
  suspended: 'Suspended',
  reinstated: 'Reinstated',
  paused: 'Paused',
  resumed: 'Resumed',
  removed: 'Deleted',
};

/** The listing's audit trail under its status: who did what and when, with the reviewer's notes. */
export function ListingHistory({ kind, id }: { kind: ListingKind; id: string }) {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const history = useQuery({
    queryKey: ['listings', kind, id, 'history', cursor],
    queryFn: ({ signal }) =>
      api<{ items: HistoryItem[]; nextCursor: string | null }>(`/api/listings/${kind}/${id}/history`, {
        query: { limit: 10, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  if (history.isPending) return <Loading label="Loading the history" />;
  if (history.isError) {
    return <ErrorState error={history.error} retry={() => void history.refetch()} what="The history" />;
  }
  return (
    <>
      <ol className="history">
        {history.data.items.map((e) => (
          <li key={e.id}>
            <strong>{ACTION_LABEL[e.action] ?? e.action}</strong>{' '}
            <span className="muted">
              {formatInstant(e.at)} by {e.actor.role === 'admin' ? 'a Tripwise admin' : e.actor.role}
            </span>
            {e.note && <blockquote>{e.note}</blockquote>}
            {e.changedFields && e.changedFields.length > 0 && (
              <small className="muted"> ({e.changedFields.join(', ')})</small>
            )}
          </li>
        ))}
      </ol>
      {history.data.nextCursor && (
        <button type="button" className="secondary small" onClick={() => setCursor(history.data.nextCursor!)}>
          Older
        </button>
      )}
      {cursor && (
        <button type="button" className="secondary small" onClick={() => setCursor(undefined)}>
          Newest
        </button>
      )}
    </>
  );
}

const valueText = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** Reads a dotted path (`policies.petsAllowed`, `rooms.1.name`) of a listing. */
export function valueAt(listing: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      listing,
    );
}

/** What a change would alter, field by field: live on the left, proposed on the right. */
export function ChangeTable({
  live,
  proposed,
  fields,
}: {
  live: ListingView | null;
  proposed: ListingView;
  fields: string[];
}) {
  return (
    <table className="compare">
      <caption className="visually-hidden">Changed fields, live and proposed</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Live</th>
          <th scope="col">Proposed</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) =>
          field === 'photos' ? (
            <tr key={field}>
              <th scope="row">photos</th>
              <td>
                <PhotoStrip photos={live?.photos} label="Live photos" />
              </td>
              <td>
                <PhotoStrip photos={proposed.photos} label="Proposed photos" />
              </td>
            </tr>
          ) : (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td>{valueText(live ? valueAt(live, field) : undefined)}</td>
              <td>{valueText(valueAt(proposed, field))}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
