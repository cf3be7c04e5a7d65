import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorText } from '../ui/error-text.ts';
import { Field, SelectField } from '../ui/field.tsx';
import { formatInstant, formatMoney } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { usePortalRole } from '../ui/shell.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { useDecision, type DecisionAction } from './listing-api.ts';
import { StatusActions } from './status-actions.tsx';
import {
  isListingKind,
  KIND_LABEL,
  LISTING_STATUSES,
  STATUS_LABEL,
  titleOf,
  type CarView,
  type FlightView,
  type HotelView,
  type ListingKind,
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

const SORTS = [
  ['updatedAt', 'Last changed'],
  ['createdAt', 'Added'],
  ['name', 'Name'],
  ['city', 'City'],
  ['price', 'Price'],
] as const;

/**
 * Listings a server page at a time: an owner's own hotels and cars, or (admins) every listing, found by words, city,
 * owner and status, in the chosen order, with decisions on each row. Every filter, the order and the page are in
 * the address.
 */
export function ListingsPage() {
  const role = usePortalRole();
  const list = useListParams(['kind', 'status', 'q', 'city', 'ownerId', 'sort', 'order'] as const);
  const kind: ListingKind = isListingKind(list.filters.kind) ? list.filters.kind : 'hotels';
  const status = LISTING_STATUSES.find((s) => s === list.filters.status);
  const { q, city, ownerId } = list.filters;
  const sort = SORTS.find(([value]) => value === list.filters.sort)?.[0] ?? 'updatedAt';
  const order = list.filters.order === 'asc' || list.filters.order === 'desc' ? list.filters.order : undefined;
  const [text, setText] = useState({ q, city });
  usePageTitle(
    `${role === 'admin' ? '' : 'My '}${KIND_LABEL[kind].many.toLowerCase()}`.replace(/^./, (c) => c.toUpperCase()),
  );
  const kinds: ListingKind[] = role === 'admin' ? ['hotels', 'cars', 'flights'] : ['hotels', 'cars'];
  const filters = {
    status,
    q: q || undefined,
    city: city || undefined,
    ownerId: ownerId || undefined,
    sort,
    order,
    cursor: list.cursor,
    limit: list.limit,
  };
  const query = useQuery({
    queryKey: ['listings', kind, filters],
    queryFn: ({ signal }) => api<ListPage<ListingView>>(`/api/listings/${kind}`, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
  const decision = useDecision();
  const [done, setDone] = useState<string | null>(null);
  const change = (listing: ListingView, action: DecisionAction, note: string | undefined, verb: string) =>
    decision
      .mutateAsync({ kind, id: listing.id, action, ...(note ? { note } : {}) })
      .then(() => setDone(`${verb}: ${titleOf(kind, listing)}.`));
  const search = (event: FormEvent) => {
    event.preventDefault();
    list.setFilters({ q: text.q.trim(), city: text.city.trim() });
  };

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
      <form className="toolbar" role="search" aria-label="Listings" onSubmit={search}>
        <Field
          label={kind === 'cars' ? 'Company or model' : kind === 'flights' ? 'Flight number' : 'Name'}
          type="search"
          value={text.q}
          onChange={(e) => setText({ ...text, q: e.target.value })}
        />
        <Field
          label={kind === 'flights' ? 'From (airport)' : 'City or code'}
          type="search"
          value={text.city}
          onChange={(e) => setText({ ...text, city: e.target.value })}
        />
        <SelectField label="Status" value={status ?? ''} onChange={(e) => list.setFilters({ status: e.target.value })}>
          <option value="">Any status</option>
          {LISTING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Sort by" value={sort} onChange={(e) => list.setFilters({ sort: e.target.value })}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Order" value={order ?? ''} onChange={(e) => list.setFilters({ order: e.target.value })}>
          <option value="">
            {sort === 'updatedAt' || sort === 'createdAt' ? 'Newest first' : 'A to Z, lowest first'}
          </option>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </SelectField>
        <div className="actions">
          <button type="submit">Search</button>
        </div>
        {query.data?.total !== undefined && (
          <p className="muted" role="status">
            {query.data.total.toLocaleString()}
            {query.data.totalIsEstimate ? '+' : ''} listing{query.data.total === 1 ? '' : 's'}
            {ownerId ? ' of this owner' : ''}
          </p>
        )}
      </form>
      {done && (
        <p role="status" className="good">
          {done}
        </p>
      )}
      {decision.error && (
        <p role="alert" className="form-error">
          {errorText(decision.error)}
        </p>
      )}
      {query.isPending ? (
        <Loading label="Loading listings" />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="The listings" />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          title={
            status || q || city || ownerId
              ? `No ${KIND_LABEL[kind].many.toLowerCase()} match`
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
              <caption className="visually-hidden">{KIND_LABEL[kind].many}</caption>
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
                        {role === 'admin' &&
                          (listing.ownerId ? (
                            <>
                              {' · '}
                              <Link to={`/listings?kind=${kind}&ownerId=${listing.ownerId}`}>
                                {listing.owner?.email ?? "this owner's listings"}
                              </Link>
                            </>
                          ) : (
                            ' · Tripwise inventory'
                          ))}
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
                          onDecide={(action, note, verb) => change(listing, action, note, verb)}
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
