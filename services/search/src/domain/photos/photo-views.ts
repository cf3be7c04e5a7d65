import type { ListingPhoto, OwnerPhoto } from '@tripwise/contracts';
import type { PhotoRow } from '../../data/listing-photos.repository.ts';
import { RENDITIONS } from './photo-image.ts';
import { photoUrl } from './photo-store.ts';

/** What travelers get of a photo. */
export function travelerPhoto(row: PhotoRow): ListingPhoto {
  return {
    id: String(row.id),
    src: photoUrl(row.file_key, 'large'),
    width: row.width,
    height: row.height,
    card: { src: photoUrl(row.file_key, 'card'), ...RENDITIONS.card },
  };
}

export const ownerPhoto = (row: PhotoRow): OwnerPhoto => ({
  ...travelerPhoto(row),
  roomTypeId: row.room_type_id === null ? null : String(row.room_type_id),
  approved: row.approved,
});
