import { useQueryClient } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../ui/page-title.ts';
import { usePortalRole } from '../ui/shell.tsx';
import { NotFound } from '../ui/route-error.tsx';
import { CarForm } from './car-form.tsx';
import { emptyCar, emptyHotel } from './form-model.ts';
import { HotelForm } from './hotel-form.tsx';
import { listingKeys } from './listing-api.ts';
import type { ListingView } from './listing-types.ts';

/** A new hotel or car. An owner's waits for an admin's review; one an admin adds is live at once. */
export function NewListingPage() {
  const { kind } = useParams();
  const role = usePortalRole();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(kind === 'cars' ? 'Add a car' : 'Add a hotel');
  if (kind !== 'hotels' && kind !== 'cars') return <NotFound />;

  const create = async (body: unknown) => {
    const listing = await api<ListingView>(`/api/listings/${kind}`, { method: 'POST', body });
    queryClient.setQueryData(listingKeys.one(kind, listing.id), listing);
    await queryClient.invalidateQueries({ queryKey: listingKeys.all });
    await navigate(`/listings/${kind}/${listing.id}`, { state: { created: true } });
  };
  const submitLabel = role === 'admin' ? 'Publish' : 'Submit for review';

  return (
    <>
      <p>
        <Link to={`/listings?kind=${kind}`}>← {kind === 'cars' ? 'Cars' : 'Hotels'}</Link>
      </p>
      <h1>{kind === 'cars' ? 'Add a car' : 'Add a hotel'}</h1>
      <p className="muted">
        {role === 'admin'
          ? 'Listings an admin adds go live at once, as Tripwise inventory.'
          : 'Tripwise reviews every new listing before travelers can find it; you will see its status on the next page.'}
      </p>
      {kind === 'hotels' ? (
        <HotelForm initial={emptyHotel()} submitLabel={submitLabel} onSubmit={create} />
      ) : (
        <CarForm initial={emptyCar()} submitLabel={submitLabel} onSubmit={create} />
      )}
    </>
  );
}
