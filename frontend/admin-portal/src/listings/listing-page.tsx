import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@tripwise/web-session';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { errorText } from '../ui/error-text.ts';
import { formatInstant } from '../ui/format.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { NotFound } from '../ui/route-error.tsx';
import { usePortalRole } from '../ui/shell.tsx';
import { ErrorState, Loading, NotAvailableYet } from '../ui/states.tsx';
import { CarForm } from './car-form.tsx';
import { carDraftOf, hotelDraftOf } from './form-model.ts';
import { HotelForm } from './hotel-form.tsx';
import { listingKeys, useSetStatus } from './listing-api.ts';
import { ListingReviews } from './listing-reviews.tsx';
import { ListingStats } from './listing-stats.tsx';
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
} from './listing-types.ts';
import { StatusActions } from './status-actions.tsx';

const STATUS_MEANING: Record<ListingStatus, string> = {
  pending: 'Waiting for a Tripwise admin to review it. Travelers cannot find it yet.',
  active: 'Live: travelers find it in search and can book it.',
  removed: 'Taken down: travelers cannot find it. Bookings made before stay valid.',
};

function FlightFacts({ flight }: { flight: FlightView }) {
  return (
    <dl className="facts card">
      <dt>Flight</dt>
      <dd>
        {flight.flightNumber} ({flight.airline})
      </dd>
      <dt>Route</dt>
      <dd>
        {flight.origin} → {flight.via ? `${flight.via} → ` : ''}
        {flight.destination}
      </dd>
      <dt>Departs</dt>
      <dd>{formatInstant(flight.departAt)}</dd>
      <dt>Arrives</dt>
      <dd>{formatInstant(flight.arriveAt)}</dd>
      <dt>Fare</dt>
      <dd>{flight.refundable ? 'Refundable' : 'Non-refundable'}</dd>
    </dl>
  );
}

function Editor({
  kind,
  listing,
  onSaved,
}: {
  kind: ListingKind;
  listing: ListingView;
  onSaved: (l: ListingView) => void;
}) {
  const save = async (body: unknown) => {
    onSaved(await api<ListingView>(`/api/listings/${kind}/${listing.id}`, { method: 'PATCH', body }));
  };
  if (kind === 'hotels') {
    return (
      <HotelForm
        key={listing.updatedAt}
        initial={hotelDraftOf(listing as HotelView)}
        submitLabel="Save changes"
        onSubmit={save}
      />
    );
  }
  if (kind === 'cars') {
    return (
      <CarForm
        key={listing.updatedAt}
        initial={carDraftOf(listing as CarView)}
        submitLabel="Save changes"
        onSubmit={save}
      />
    );
  }
  return <FlightFacts flight={listing as FlightView} />;
}

/**
 * One listing: its status and what it means, the admin's decisions, deleting (with what it does), the edit form,
 * its figures and reviews; the parts whose API does not exist yet say so.
 */
export function ListingPage() {
  const params = useParams();
  const kind = isListingKind(params.kind) ? params.kind : null;
  const id = params.id ?? '';
  const role = usePortalRole();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created
      ? role === 'admin'
        ? 'Published: travelers can find it now.'
        : 'Submitted: it goes live once a Tripwise admin has reviewed it.'
      : null,
  );
  const listing = useQuery({
    queryKey: listingKeys.one(kind ?? 'hotels', id),
    queryFn: ({ signal }) => api<ListingView>(`/api/listings/${kind}/${id}`, { signal }),
    enabled: kind !== null && /^\d{1,18}$/.test(id),
  });
  const setStatus = useSetStatus();
  usePageTitle(listing.data && kind ? titleOf(kind, listing.data) : 'Listing');

  if (!kind || !/^\d{1,18}$/.test(id)) return <NotFound />;
  if (listing.isPending) return <Loading label="Loading the listing" />;
  if (listing.isError) {
    if (listing.error instanceof ApiError && listing.error.status === 404) {
      return (
        <section className="empty-state" role="alert">
          <h1>Listing not found</h1>
          <p>
            There is no {KIND_LABEL[kind].one} #{id} among {role === 'admin' ? 'the listings' : 'your listings'}.{' '}
            <Link to={`/listings?kind=${kind}`}>Back to the list</Link>
          </p>
        </section>
      );
    }
    return <ErrorState error={listing.error} retry={() => void listing.refetch()} what="The listing" />;
  }
  const data = listing.data;
  const name = titleOf(kind, data);
  const saved = (updated: ListingView) => {
    queryClient.setQueryData(listingKeys.one(kind, id), updated);
    void queryClient.invalidateQueries({ queryKey: listingKeys.all });
    setNotice(`Saved at ${formatInstant(Date.now())}.`);
  };
  const remove = async () => {
    await api(`/api/listings/${kind}/${id}`, { method: 'DELETE' });
    await queryClient.invalidateQueries({ queryKey: listingKeys.all });
    await navigate(`/listings?kind=${kind}`, { replace: true });
  };

  return (
    <>
      <p>
        <Link to={`/listings?kind=${kind}`}>← {KIND_LABEL[kind].many}</Link>
      </p>
      <div className="page-head">
        <h1>{name}</h1>
        <span className={`badge ${data.status}`} data-testid="listing-status">
          {STATUS_LABEL[data.status]}
        </span>
      </div>
      {notice && (
        <p role="status" className="good">
          {notice}
        </p>
      )}
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        <p>
          {STATUS_MEANING[data.status]}{' '}
          <span className="muted">
            #{data.id}, last changed {formatInstant(data.updatedAt)}.
          </span>
        </p>
        {setStatus.error && (
          <p className="form-error" role="alert">
            {errorText(setStatus.error)}
          </p>
        )}
        <div className="actions">
          {role === 'admin' && (
            <StatusActions
              status={data.status}
              name={name}
              onChange={(next, verb) =>
                setStatus.mutateAsync({ kind, id, status: next }).then(() => setNotice(`${verb}.`))
              }
            />
          )}
          {data.status !== 'removed' && kind !== 'flights' && (
            <ConfirmButton
              label="Delete listing"
              title={`Delete ${name}?`}
              confirmLabel="Delete"
              danger
              onConfirm={remove}
            >
              <ul>
                <li>Travelers stop finding it in search at once.</li>
                <li>Bookings already made stay valid and are honoured; they remain in your bookings and bills.</li>
                <li>
                  {role === 'admin'
                    ? 'An admin can reinstate it later.'
                    : 'You cannot bring it back yourself: ask a Tripwise admin to reinstate it.'}
                </li>
              </ul>
            </ConfirmButton>
          )}
        </div>
        {role === 'owner' && (
          <NotAvailableYet title="Pause and resume">
            <p>
              Pausing takes a listing out of search for a while and resuming brings it back, without a new review. It
              needs the listings API's pause action.
            </p>
          </NotAvailableYet>
        )}
        {data.status !== 'active' && (
          <NotAvailableYet title="Reviewer's note">
            <p>The note an admin leaves when rejecting or taking down a listing needs the review API.</p>
          </NotAvailableYet>
        )}
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{kind === 'flights' ? 'Flight' : 'Details'}</h2>
        <Editor kind={kind} listing={data} onSaved={saved} />
      </section>
      <section aria-labelledby="performance-title">
        <h2 id="performance-title">Last 30 days</h2>
        <ListingStats kind={kind} id={id} />
      </section>
      {kind !== 'flights' && (
        <>
          <section aria-labelledby="reviews-title">
            <h2 id="reviews-title">Guest reviews</h2>
            <ListingReviews kind={kind} id={id} />
          </section>
          <NotAvailableYet title="Photos">
            <p>Uploading, ordering and choosing the cover photo needs the listing photos API.</p>
          </NotAvailableYet>
          <NotAvailableYet title="Prices and availability calendar">
            <p>Prices per date range, closed dates, units sold per day and promotions need the calendar API.</p>
          </NotAvailableYet>
        </>
      )}
    </>
  );
}
