import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../ui/error-text.ts';
import { Field, SelectField } from '../ui/field.tsx';
import { formatInstant, formatMoney } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { usePortalRole } from '../ui/shell.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { useSetStatus } from './listing-api.ts';
import { StatusActions } from './status-actions.tsx';
import {
  isListingKind,
  KIND_LABEL,
  STATUS_LABEL,
  titleOf,
  type CarView,
  type FlightView,
  type HotelView,
  type ListingKind,
  type ListingStatus,
  type ListingView,
  type Page as ListPage,
} from './listing-types.ts';

function Facts({ kind, listing }: { kind: ListingKind; listing: ListingView }) {
  if (kind === 'hotels') {
    const hotel = listing as HotelView;
    const from = Math.min(...hotel.rooms.map((r) => r.nightlyPrice.amount));
    return (
      <>
        <td>
          {hotel.city} ({hotel.cityCode})
        </td>
        <td className="num">{hotel.stars}★</td>
        <td>
          {hotel.rooms.length} room type{hotel.rooms.length === 1 ? '' : 's'}
          {hotel.rooms.length > 0 && `, from ${formatMoney({ amount: from, currency: 'USD' })}`}
        </td>
      </>
    );
  }
  if (kind === 'cars') {
    const car = listing as CarView;
    return (
      <>
        <td>
          {car.city} ({car.locationCode})
        </td>
        <td>{car.carClass.replace(/_/g, ' ')}</td>
        <td>
          {formatMoney(car.dailyPrice)} a day, {car.units} car{car.units === 1 ? '' : 's'}
        </td>
      </>
    );
  }
  const flight = listing as FlightView;
  return (
    <>
      <td>{flight.via ? `via ${flight.via}` : 'nonstop'}</td>
      <td>{formatInstant(flight.departAt)}</td>
      <td>{flight.refundable ? 'refundable' : 'non-refundable'}</td>
    </>
  );
}

const HEADERS: Record<ListingKind, [string, string, string]> = {
  hotels: ['City', 'Stars', 'Rooms and prices'],
  cars: ['Pick-up', 'Class', 'Price and fleet'],
  flights: ['Stops', 'Departs', 'Fare'],
};

/** Admins jump to any listing by its number (search by name, city or owner needs an API that does not exist yet). */
function FindById({ kind }: { kind: ListingKind }) {
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{1,18}$/.test(id.trim())) void navigate(`/listings/${kind}/${id.trim()}`);
  };
  return (
    <form onSubmit={submit} className="actions">
      <Field
        label={`Open a ${KIND_LABEL[kind].one} by number`}
        inputMode="numeric"
        pattern="\d{1,18}"
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <button type="submit" className="secondary">
        Open
      </button>
    </form>
  );
}

/**
 * Listings, newest first, a server page at a time: an owner's own hotels and cars, or (admins) every listing with
 * approve, take down and reinstate on each row. Kind, status and page are in the address.
 */
export function ListingsPage() {
  const role = usePortalRole();
  const list = useListParams(['kind', 'status'] as const);
  const kind: ListingKind = isListingKind(list.filters.kind) ? list.filters.kind : 'hotels';
  const status = (['pending', 'active', 'removed'] as const).find((s) => s === list.filters.status);
  usePageTitle(
    `${role === 'admin' ? '' : 'My '}${KIND_LABEL[kind].many.toLowerCase()}`.replace(/^./, (c) => c.toUpperCase()),
  );
  const kinds: ListingKind[] = role === 'admin' ? ['hotels', 'cars', 'flights'] : ['hotels', 'cars'];
  const query = useQuery({
    queryKey: ['listings', kind, { status, cursor: list.cursor, limit: list.limit }],
    queryFn: ({ signal }) =>
      api<ListPage<ListingView>>(`/api/listings/${kind}`, {
        query: { status, cursor: list.cursor, limit: list.limit },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const setStatus = useSetStatus();
  const [done, setDone] = useState<string | null>(null);
  const change = (listing: ListingView, next: ListingStatus, verb: string) =>
    setStatus
      .mutateAsync({ kind, id: listing.id, status: next })
      .then(() => setDone(`${verb}: ${titleOf(kind, listing)}.`));

  return (
    <>
      <div className="page-head">
        <h1>{role === 'admin' ? 'Listings' : 'My listings'}</h1>
        <div className="actions">
          <Link className="button" to="/listings/new/hotels">
            Add a hotel
          </Link>
          <Link className="button secondary" to="/listings/new/cars">
            Add a car
          </Link>
        </div>
      </div>
      <nav className="tabs" aria-label="Kind of listing">
        {kinds.map((k) => (
          <Link
            key={k}
            to={`/listings?kind=${k}${status ? `&status=${status}` : ''}`}
            aria-current={k === kind ? 'page' : undefined}
          >
            {KIND_LABEL[k].many}
          </Link>
        ))}
      </nav>
      <div className="toolbar">
        <SelectField label="Status" value={status ?? ''} onChange={(e) => list.setFilters({ status: e.target.value })}>
          <option value="">Any status</option>
          {(['pending', 'active', 'removed'] as const).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </SelectField>
        {role === 'admin' && <FindById kind={kind} />}
        <p className="muted">Newest first.</p>
      </div>
      {done && (
        <p role="status" className="good">
          {done}
        </p>
      )}
      {setStatus.error && (
        <p role="alert" className="form-error">
          {errorText(setStatus.error)}
        </p>
      )}
      {query.isPending ? (
        <Loading label="Loading listings" />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="The listings" />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          title={
            status
              ? `No ${KIND_LABEL[kind].many.toLowerCase()} with this status`
              : `No ${KIND_LABEL[kind].many.toLowerCase()} yet`
          }
        >
          {kind !== 'flights' && (
            <p>
              <Link to={`/listings/new/${kind}`}>Add a {KIND_LABEL[kind].one}</Link>: it goes live once an admin has
              reviewed it.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <TableFrame label={`${KIND_LABEL[kind].many} table`}>
            <table aria-busy={query.isFetching}>
              <caption className="visually-hidden">{KIND_LABEL[kind].many}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Listing</th>
                  {HEADERS[kind].map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                  {role === 'admin' && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((listing) => (
                  <tr key={listing.id}>
                    <th scope="row">
                      <Link to={`/listings/${kind}/${listing.id}`}>{titleOf(kind, listing)}</Link>
                      <br />
                      <small className="muted">
                        #{listing.id}
                        {role === 'admin' && (listing.ownerId ? ' · owner account' : ' · Tripwise inventory')}
                      </small>
                    </th>
                    <Facts kind={kind} listing={listing} />
                    <td>
                      <span className={`badge ${listing.status}`}>{STATUS_LABEL[listing.status]}</span>
                    </td>
                    <td>{formatInstant(listing.updatedAt)}</td>
                    {role === 'admin' && (
                      <td>
                        <StatusActions
                          status={listing.status}
                          name={titleOf(kind, listing)}
                          onChange={(next, verb) => change(listing, next, verb)}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Pager shown={query.data.items.length} nextCursor={query.data.nextCursor} list={list} noun="listing" />
        </>
      )}
    </>
  );
}
