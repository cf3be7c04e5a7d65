import type { ListingPhoto } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { coversOf, photosOf, type PhotoKind } from '../../data/listing-photos.repository.ts';
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

/** A page of results with each listing's cover (one query for the page). */
export async function withCovers<T extends { id: string }>(
  db: Queryable,
  kind: PhotoKind,
  items: T[],
): Promise<(T & { photo: ListingPhoto | null })[]> {
  const covers = await coversOf(
    db,
    kind,
    items.map((i) => Number(i.id)),
  );
  return items.map((i) => {
    const cover = covers.get(Number(i.id));
    return { ...i, photo: cover ? travelerPhoto(cover) : null };
  });
}
