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
import { listingKeys, useDecision, usePause } from './listing-api.ts';
import { ChangeTable, ListingHistory } from './listing-history.tsx';
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
import { ListingPhotos } from '../photos/listing-photos.tsx';

const STATUS_MEANING: Record<ListingStatus, string> = {
  pending: 'Waiting for a Tripwise admin to review it. Travelers cannot find it yet.',
  active: 'Live: travelers find it in search and can book it.',
  paused: 'Paused: out of search until it is resumed (no new review needed). Bookings made before stay valid.',
  suspended: 'Suspended by a Tripwise admin: travelers cannot find it. Bookings made before stay valid.',
  rejected: 'Rejected at review: travelers cannot find it. Correct it and save to submit it again.',
  removed: 'Deleted: travelers cannot find it. Bookings made before stay valid.',
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
  const decision = useDecision();
  const pause = usePause();
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
    setNotice(
      updated.pendingChange
        ? `Saved at ${formatInstant(Date.now())}. What travelers read changes once a Tripwise admin approves it; prices and room counts are live now.`
        : `Saved at ${formatInstant(Date.now())}.`,
    );
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
        {data.review?.note && (
          <div className="card" data-testid="review-note">
            <p>
              <strong>Note from the reviewer</strong>{' '}
              <span className="muted">({formatInstant(data.review.decidedAt)})</span>
            </p>
            <blockquote>{data.review.note}</blockquote>
          </div>
        )}
        {data.pendingChange && (
          <div className="card">
            <p>
              <strong>A change is waiting for review</strong> (submitted {formatInstant(data.pendingChange.submittedAt)}
              ). Travelers see the approved version until a Tripwise admin approves it. Prices and room counts are live
              already.
            </p>
            <ChangeTable live={data} proposed={data.pendingChange.proposed} fields={data.pendingChange.changedFields} />
          </div>
        )}
        {(decision.error ?? pause.error) && (
          <p className="form-error" role="alert">
            {errorText(decision.error ?? pause.error)}
          </p>
        )}
        <div className="actions">
          {role === 'admin' && (
            <StatusActions
              status={data.status}
              name={name}
              hasChange={Boolean(data.pendingChange)}
              onDecide={(action, note, verb) =>
                decision.mutateAsync({ kind, id, action, ...(note ? { note } : {}) }).then(() => setNotice(`${verb}.`))
              }
            />
          )}
          {(data.status === 'active' || data.status === 'paused') && kind !== 'flights' && (
            <button
              type="button"
              className="secondary"
              disabled={pause.isPending}
              onClick={() =>
                void pause
                  .mutateAsync({ kind, id, pause: data.status === 'active' })
                  .then(() => setNotice(data.status === 'active' ? 'Paused.' : 'Resumed: back in search.'))
                  .catch(() => undefined)
              }
            >
              {data.status === 'active' ? 'Pause' : 'Resume'}
            </button>
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
                <li>It cannot be brought back: to take it out of search for a while, pause it instead.</li>
              </ul>
            </ConfirmButton>
          )}
        </div>
        <details>
          <summary>History</summary>
          <ListingHistory kind={kind} id={id} />
        </details>
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{kind === 'flights' ? 'Flight' : 'Details'}</h2>
        {/* A change waiting for review is edited further from where it stands, not from the live version. */}
        <Editor kind={kind} listing={data.pendingChange?.proposed ?? data} onSaved={saved} />
      </section>
      <section aria-labelledby="performance-title">
        <h2 id="performance-title">Last 30 days</h2>
        <p>
          <Link to={`/bookings?view=all&listingKind=${kind.slice(0, -1)}&listingId=${id}`}>
            Bookings of this {KIND_LABEL[kind].one}
          </Link>
        </p>
        <ListingStats kind={kind} id={id} />
      </section>
      {kind !== 'flights' && (
        <>
          <section aria-labelledby="reviews-title">
            <h2 id="reviews-title">Guest reviews</h2>
            <ListingReviews kind={kind} id={id} />
          </section>
          <section aria-labelledby="photos-title">
            <h2 id="photos-title">Photos</h2>
            <ListingPhotos
              kind={kind}
              id={id}
              listingName={name}
              rooms={kind === 'hotels' ? (data as HotelView).rooms : []}
              canReview={role === 'admin'}
            />
          </section>
          <NotAvailableYet title="Prices and availability calendar">
            <p>Prices per date range, closed dates, units sold per day and promotions need the calendar API.</p>
          </NotAvailableYet>
        </>
      )}
    </>
  );
}
