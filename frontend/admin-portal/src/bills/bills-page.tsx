import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { downloadText, toCsv } from '../ui/csv.ts';
import { errorText, serverFieldError } from '../ui/error-text.ts';
import { Field, FormError, SelectField } from '../ui/field.tsx';
import { decimalOf, formatInstant, formatMoney, formatMonth } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import type { UserSummary } from '../users/user-types.ts';
import type { Bill, BillPage } from './bill-types.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const STATUSES = [
  ['paid', 'Paid'],
  ['partially_refunded', 'Partly refunded'],
  ['refunded', 'Refunded'],
] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const thisMonth = () => new Date().toISOString().slice(0, 7);

/** A user's id from their email: the admin types an address, the billing API filters by id. */
function UserFilter({ userId, onChange }: { userId: string; onChange: (userId: string) => void }) {
  const [email, setEmail] = useState('');
  const find = useMutation({
    mutationFn: async () => {
      const q = email.trim().toLowerCase();
      const page = await api<{ items: UserSummary[] }>('/api/auth/admin/users', { query: { q, limit: 10 } });
      const user =
        page.items.find((u) => u.email.toLowerCase() === q) ?? (page.items.length === 1 ? page.items[0] : undefined);
      if (!user) {
        throw new Error(page.items.length ? 'Several users match: type the whole address.' : 'No user has this email.');
      }
      return user;
    },
    onSuccess: (user) => {
      onChange(user.id);
      setEmail('');
    },
  });
  if (userId) {
    return (
      <div className="field">
        <span className="field-label">User</span>
        <span>
          <Link to={`/users/${userId}`}>{userId.slice(0, 8)}…</Link>{' '}
          <button type="button" className="link" onClick={() => onChange('')}>
            Any user
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="field">
      <Field
        label="User email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (email.trim()) find.mutate();
          }
        }}
        error={find.error ? errorText(find.error) : undefined}
      />
      <button
        type="button"
        className="secondary small"
        disabled={!email.trim() || find.isPending}
        onClick={() => find.mutate()}
      >
        Find user
      </button>
    </div>
  );
}

const CSV_HEADERS = [
  'billing number',
  'billed at',
  'kind',
  'status',
  'booking id',
  'booking type',
  'user id',
  'method',
  'subtotal',
  'amount',
  'currency',
];
const csvRow = (b: Bill) => [
  b.billingNumber,
  b.billedAt,
  b.kind,
  b.status,
  b.bookingId,
  b.bookingType,
  b.userId,
  b.method,
  decimalOf(b.subtotal.amount),
  decimalOf(b.amount.amount),
  b.amount.currency,
];

/**
 * The books: payments and refunds of a month or a date range, by kind and by user, oldest first, a server page at
 * a time; every filter is in the address.
 */
export function BillsPage() {
  usePageTitle('Bills');
  const list = useListParams(['month', 'from', 'to', 'kind', 'userId', 'status', 'bookingId', 'q', 'sort'] as const);
  const { filters } = list;
  const range = DAY.test(filters.from) && DAY.test(filters.to);
  // A booking or a bill number is found across all time; otherwise the month's (or the range's) books.
  const anyTime = Boolean(filters.bookingId || filters.q);
  const month = MONTH.test(filters.month) ? filters.month : range || anyTime ? '' : thisMonth();
  const kind = filters.kind === 'payment' || filters.kind === 'refund' ? filters.kind : undefined;
  const status = STATUSES.find(([value]) => value === filters.status)?.[0];
  const sort = filters.sort === 'amount' ? 'amount' : undefined;
  const [number, setNumber] = useState(filters.q);
  const extra = {
    status,
    bookingId: filters.bookingId || undefined,
    q: filters.q || undefined,
    sort,
    order: sort ? ('desc' as const) : undefined,
  };
  const [mode, setMode] = useState<'month' | 'range'>(range ? 'range' : 'month');
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const query = month ? { month } : anyTime && !range ? {} : { from: filters.from, to: filters.to };
  const bills = useQuery({
    queryKey: ['bills', { ...query, ...extra, kind, userId: filters.userId, cursor: list.cursor, limit: list.limit }],
    queryFn: ({ signal }) =>
      api<BillPage>('/api/billing', {
        query: {
          ...query,
          ...extra,
          kind,
          userId: filters.userId || undefined,
          cursor: list.cursor,
          limit: list.limit,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const findNumber = (e: FormEvent) => {
    e.preventDefault();
    list.setFilters({ q: number.trim().toUpperCase() });
  };
  const applyRange = (e: FormEvent) => {
    e.preventDefault();
    list.setFilters({ month: '', from, to });
  };

  return (
    <>
      <h1>Bills</h1>
      <div className="toolbar">
        <SelectField label="Period" value={mode} onChange={(e) => setMode(e.target.value as 'month' | 'range')}>
          <option value="month">A month</option>
          <option value="range">Between two dates</option>
        </SelectField>
        {mode === 'month' ? (
          <Field
            label="Month"
            type="month"
            value={month || thisMonth()}
            onChange={(e) => MONTH.test(e.target.value) && list.setFilters({ month: e.target.value, from: '', to: '' })}
          />
        ) : (
          <form className="actions" onSubmit={applyRange} aria-label="Date range">
            <Field label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
            <Field
              label="To (not included)"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              required
              error={serverFieldError(bills.error, 'to')}
            />
            <button type="submit">Show</button>
          </form>
        )}
        <SelectField label="Kind" value={kind ?? ''} onChange={(e) => list.setFilters({ kind: e.target.value })}>
          <option value="">Payments and refunds</option>
          <option value="payment">Payments</option>
          <option value="refund">Refunds</option>
        </SelectField>
        <SelectField label="Status" value={status ?? ''} onChange={(e) => list.setFilters({ status: e.target.value })}>
          <option value="">Any status</option>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Order" value={sort ?? ''} onChange={(e) => list.setFilters({ sort: e.target.value })}>
          <option value="">Oldest first</option>
          <option value="amount">Largest amount first</option>
        </SelectField>
        <UserFilter userId={filters.userId} onChange={(userId) => list.setFilters({ userId })} />
        <form className="actions" onSubmit={findNumber} role="search" aria-label="Bill number">
          <Field label="Bill number" type="search" value={number} onChange={(e) => setNumber(e.target.value)} />
          <button type="submit" className="secondary">
            Find
          </button>
        </form>
      </div>
      <p className="muted">
        {month
          ? formatMonth(month)
          : range
            ? `${filters.from} to ${filters.to} (not included)`
            : filters.bookingId
              ? `Booking ${filters.bookingId.slice(0, 8)}…, all time`
              : 'All time'}
        , {sort ? 'largest first' : 'oldest first'}.
        {bills.data?.total !== undefined &&
          ` ${bills.data.total.toLocaleString()}${bills.data.totalIsEstimate ? '+' : ''} records`}
        {bills.data?.sum?.map(
          (s) => `; payments ${formatMoney(s.payments)}, refunds ${formatMoney(s.refunds)} (${s.currency})`,
        )}
      </p>
      {bills.isPending ? (
        <Loading label="Loading bills" />
      ) : bills.isError ? (
        bills.error && serverFieldError(bills.error, 'to') ? (
          <FormError message={errorText(bills.error)} />
        ) : (
          <ErrorState error={bills.error} retry={() => void bills.refetch()} what="The bills" />
        )
      ) : bills.data.items.length === 0 ? (
        <EmptyState title="No bills in this period" />
      ) : (
        <>
          <div className="actions">
            <button
              type="button"
              className="secondary small"
              onClick={() =>
                downloadText(
                  `bills-${month || `${filters.from}-${filters.to}`}.csv`,
                  toCsv(CSV_HEADERS, bills.data.items.map(csvRow)),
                )
              }
            >
              Download this page as CSV
            </button>
          </div>
          <TableFrame label="Bills table">
            <table aria-busy={bills.isFetching}>
              <caption className="visually-hidden">Bills, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Bill</th>
                  <th scope="col">Billed</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Booking</th>
                  <th scope="col">Method</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {bills.data.items.map((bill) => (
                  <tr key={bill.billingNumber}>
                    <th scope="row">
                      <Link to={`/bills/${bill.billingNumber}`}>{bill.billingNumber}</Link>
                    </th>
                    <td>{formatInstant(bill.billedAt)}</td>
                    <td>
                      <span className={`badge ${bill.kind}`}>{bill.kind}</span>
                    </td>
                    <td>
                      {bill.bookingType} <small className="muted">{bill.bookingId.slice(0, 8)}</small>
                    </td>
                    <td>{bill.method}</td>
                    <td>{bill.status}</td>
                    <td className="num">{formatMoney(bill.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Pager shown={bills.data.items.length} nextCursor={bills.data.nextCursor} list={list} noun="bill" />
        </>
      )}
    </>
  );
}
