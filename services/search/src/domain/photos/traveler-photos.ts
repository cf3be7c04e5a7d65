import type { ListingPhoto } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { photosOf, type PhotoKind } from '../../data/listing-photos.repository.ts';
import { travelerPhoto } from './photo-views.ts';

/** A listing's approved photos for its page: its own (the cover first) and each room type's. */
export async function travelerPhotos(db: Queryable, kind: PhotoKind, id: string) {
  const rows = await photosOf(db, kind, id, { approvedOnly: true });
  const own = rows.filter((r) => r.room_type_id === null).map(travelerPhoto);
  return {
    own,
    ofRoom: (roomTypeId: string): ListingPhoto[] =>
      rows.filter((r) => String(r.room_type_id) === roomTypeId).map(travelerPhoto),
  };
}
