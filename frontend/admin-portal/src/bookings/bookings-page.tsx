import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { downloadText } from '../ui/csv.ts';
import { errorText } from '../ui/error-text.ts';
import { Field, SelectField } from '../ui/field.tsx';
import { formatDate, formatInstant, formatMoney } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { usePortalRole } from '../ui/shell.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { guestOf, rowsOf, unitsOf, VIEWS, type Booking, type BookingView } from './booking-rows.ts';

interface BookingPage {
  items: Booking[];
  nextCursor: string | null;
  total?: number;
  totalIsEstimate?: boolean;
}

type Filters = Record<string, string | undefined>;

/** The server writes the whole view as CSV (every booking, no cap); the page only saves it. */
function useExport(view: BookingView, filters: Filters) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  const run = async () => {
    setState({ busy: true, message: 'Preparing the CSV…', failed: false });
    try {
      const csv = await api<string>('/api/bookings/of-my-listings/export.csv', {
        query: { when: VIEWS[view].when, status: VIEWS[view].status, ...filters },
        headers: { accept: 'text/csv' },
      });
      downloadText(`bookings-${view}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      const rows = Math.max(0, csv.trim().split('\r\n').length - 1);
      setState({
        busy: false,
        message: `Exported ${rows} row${rows === 1 ? '' : 's'} (one per booked item).`,
        failed: false,
      });
    } catch (err) {
      setState({ busy: false, message: `The export failed: ${errorText(err)}`, failed: true });
    }
  };
  return { ...state, run };
}

/**
 * Bookings of the owner's listings (admins: every booking), one row per booked room, car or seat: upcoming,
 * in-house, past and cancelled, newest first, with the guest, dates, units and amount; the whole view as CSV.
 */
export function BookingsPage() {
  const role = usePortalRole();
  const list = useListParams(['view', 'q', 'from', 'to', 'sort', 'listingKind', 'listingId'] as const);
  const view: BookingView = list.filters.view in VIEWS ? (list.filters.view as BookingView) : 'upcoming';
  usePageTitle(`${VIEWS[view].label} bookings`);
  const { q, from, to, listingKind, listingId } = list.filters;
  const sort = list.filters.sort === 'startsOn' ? 'startsOn' : undefined;
  const filters: Filters = {
    q: q || undefined,
    from: from || undefined,
    to: to || undefined,
    sort,
    order: sort ? 'asc' : undefined,
    listingKind: listingKind || undefined,
    listingId: listingId || undefined,
  };
  const [text, setText] = useState({ q, from, to });
  const bookings = useQuery({
    queryKey: ['bookings-of-listings', view, filters, list.cursor, list.limit],
    queryFn: ({ signal }) =>
      api<BookingPage>('/api/bookings/of-my-listings', {
        query: {
          when: VIEWS[view].when,
          status: VIEWS[view].status,
          ...filters,
          limit: list.limit,
          cursor: list.cursor,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const exporter = useExport(view, filters);
  const search = (event: FormEvent) => {
    event.preventDefault();
    list.setFilters({ q: text.q.trim(), from: text.from, to: text.to });
  };
  const rows = rowsOf(bookings.data?.items ?? []);

  return (
    <>
      <div className="page-head">
        <h1>{role === 'admin' ? 'Bookings' : 'Bookings of my listings'}</h1>
        <button type="button" className="secondary" disabled={exporter.busy} onClick={() => void exporter.run()}>
          Export {VIEWS[view].label.toLowerCase()} as CSV
        </button>
      </div>
      {exporter.message && (
        <p role="status" className={exporter.failed ? 'bad' : 'muted'}>
          {exporter.message}
        </p>
      )}
      <nav className="tabs" aria-label="Which bookings">
        {(Object.keys(VIEWS) as BookingView[]).map((v) => (
          <Link key={v} to={`/bookings?view=${v}`} aria-current={v === view ? 'page' : undefined}>
            {VIEWS[v].label}
          </Link>
        ))}
      </nav>
      <form className="toolbar" role="search" aria-label="Bookings" onSubmit={search}>
        <Field
          label="Guest name or email"
          type="search"
          value={text.q}
          onChange={(e) => setText({ ...text, q: e.target.value })}
        />
        <Field
          label="Staying from"
          type="date"
          value={text.from}
          onChange={(e) => setText({ ...text, from: e.target.value })}
        />
        <Field
          label="Staying until"
          type="date"
          value={text.to}
          onChange={(e) => setText({ ...text, to: e.target.value })}
        />
        <SelectField label="Order" value={sort ?? ''} onChange={(e) => list.setFilters({ sort: e.target.value })}>
          <option value="">Newest booking first</option>
          <option value="startsOn">By arrival date</option>
        </SelectField>
        <div className="actions">
          <button type="submit">Search</button>
        </div>
        {bookings.data?.total !== undefined && (
          <p className="muted" role="status">
            {bookings.data.total.toLocaleString()}
            {bookings.data.totalIsEstimate ? '+' : ''} booking{bookings.data.total === 1 ? '' : 's'}
            {listingId ? ' of this listing' : ''}
          </p>
        )}
      </form>
      {bookings.isPending ? (
        <Loading label="Loading bookings" />
      ) : bookings.isError ? (
        <ErrorState error={bookings.error} retry={() => void bookings.refetch()} what="The bookings" />
      ) : rows.length === 0 ? (
        <EmptyState title={`No ${VIEWS[view].label.toLowerCase()} bookings`}>
          <p className="muted">Bookings of your listings appear here as travelers make them.</p>
        </EmptyState>
      ) : (
        <>
          <TableFrame label="Bookings table">
            <table aria-busy={bookings.isFetching}>
              <caption className="visually-hidden">{VIEWS[view].label} bookings, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Guest</th>
                  <th scope="col">Listing</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Units</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Booked</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ booking, item }) => (
                  <tr key={`${booking.id}-${item.position}`}>
                    <th scope="row">
                      {guestOf(item)}
                      <br />
                      <small className="muted">{booking.contact.email}</small>
                    </th>
                    <td>
                      {item.title}
                      <br />
                      <small className="muted">{item.subtitle}</small>
                    </td>
                    <td>
                      {formatDate(item.startDate)}
                      {item.endDate !== item.startDate && ` – ${formatDate(item.endDate)}`}
                    </td>
                    <td>{unitsOf(item)}</td>
                    <td className="num">{formatMoney(item.subtotal)}</td>
                    <td>
                      <span className={`badge ${booking.status}`}>{booking.status}</span>
                    </td>
                    <td>
                      {formatInstant(booking.createdAt)}
                      <br />
                      <small className="muted">{booking.id.slice(0, 8)}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <p className="muted">Amounts are before taxes and fees.</p>
          <Pager shown={bookings.data.items.length} nextCursor={bookings.data.nextCursor} list={list} noun="booking" />
        </>
      )}
    </>
  );
}
