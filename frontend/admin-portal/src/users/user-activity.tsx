import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { Link } from 'react-router';
import type { Bill } from '../bills/bill-types.ts';
import { formatInstant, formatMoney, todayIso } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { AuditTable } from './audit-table.tsx';
import type { AuditEvent } from './user-types.ts';

const yearAgo = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
};
const tomorrow = () => new Date(Date.parse(todayIso()) + 86_400_000).toISOString().slice(0, 10);

/** The user's payments and refunds of the last year (the first 200), linking to the bills search for all. */
export function UserBills({ userId }: { userId: string }) {
  const from = yearAgo();
  const to = tomorrow();
  const bills = useQuery({
    queryKey: ['bills', { userId, from, to }],
    queryFn: ({ signal }) =>
      api<{ items: Bill[]; nextCursor: string | null }>('/api/billing', {
        query: { userId, from, to, limit: 200 },
        signal,
      }),
  });
  if (bills.isPending) return <Loading label="Loading bills" rows={2} />;
  if (bills.isError) return <ErrorState error={bills.error} retry={() => void bills.refetch()} what="Bills" />;
  const { items, nextCursor } = bills.data;
  const link = `/bills?userId=${userId}&from=${from}&to=${to}`;
  if (items.length === 0) return <p className="muted">No payments or refunds in the last 12 months.</p>;
  return (
    <>
      <p>
        {items.length}
        {nextCursor ? '+' : ''} payment{items.length === 1 ? '' : 's'} and refunds.{' '}
        <Link to={link}>See them in the bills search</Link>.
      </p>
      <ul>
        {items
          .slice(-5)
          .reverse()
          .map((b) => (
            <li key={b.billingNumber}>
              <Link to={`/bills/${b.billingNumber}`}>{b.billingNumber}</Link> {b.kind}, {formatMoney(b.amount)},{' '}
              {formatInstant(b.billedAt)}
            </li>
          ))}
      </ul>
    </>
  );
}

/** The audit trail of one user, newest first, older pages on request. */
export function UserActivity({ userId }: { userId: string }) {
  const events = useInfiniteQuery({
    queryKey: ['admin-audit', { userId }],
    queryFn: ({ pageParam, signal }) =>
      api<{ items: AuditEvent[]; nextCursor: string | null }>('/api/auth/admin/audit', {
        query: { userId, limit: 10, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (events.isPending) return <Loading label="Loading audit events" rows={2} />;
  if (events.isError) {
    return <ErrorState error={events.error} retry={() => void events.refetch()} what="The audit events" />;
  }
  const all = events.data.pages.flatMap((p) => p.items);
  if (all.length === 0) return <p className="muted">No events.</p>;
  return (
    <>
      <AuditTable events={all} label="Audit events of this user" showUser={false} />
      <div className="actions">
        {events.hasNextPage && (
          <button
            type="button"
            className="secondary small"
            disabled={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {events.isFetchingNextPage ? 'Loading…' : 'Show older events'}
          </button>
        )}
        <Link to={`/audit?userId=${userId}`}>Open in the audit log</Link>
      </div>
    </>
  );
}
