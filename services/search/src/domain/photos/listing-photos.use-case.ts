import { PHOTO_UPLOAD, type OwnerPhoto, type PhotoOrder } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { badRequest, conflict, notFound } from '@tripwise/platform/errors';
import {
  countPhotos,
  deletePhoto,
  findByIdempotencyKey,
  findPhoto,
  insertPhoto,
  isRoomOfHotel,
  photosOf,
  setOrder,
  type PhotoKind,
  type PhotoRow,
} from '../../data/listing-photos.repository.ts';
import { isAdmin, ownedOrFail, recordEvent } from '../listings/listing-access.ts';
import type { ListingChanged } from '../listings/manage-listings.use-case.ts';
import { processPhoto } from './photo-image.ts';
import { ownerPhoto } from './photo-views.ts';
import { syncPhotoChange } from './photo-review.ts';
import type { PhotoStore } from './photo-store.ts';

export interface PhotoDeps {
  db: Db;
  store: PhotoStore;
  changed: ListingChanged;
}

/** A listing's photos, waiting ones included, for its owner and admins. */
export async function listPhotos(db: Db, who: Identity, kind: PhotoKind, id: string) {
  const listing = await ownedOrFail(db, kind, id, who);
  return { items: (await photosOf(db, kind, listing.id)).map(ownerPhoto) };
}

export interface Upload {
  bytes: Buffer;
  contentType: string;
  roomTypeId?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * Adds a photo: re-encoded first (outside any transaction: it takes a while), its files written, then its row;
 * if the row cannot be written the files are removed, so a failed upload leaves nothing behind. An admin's photo
 * is live at once; an owner's waits for review on a listing travelers already see (and is reviewed with a new one).
 */
export async function uploadPhoto(
  deps: PhotoDeps,
  who: Identity,
  kind: PhotoKind,
  id: string,
  /** Reads and checks what was sent, once the caller is known to be allowed: a stranger learns only "not found". */
  readUpload: () => Upload,
): Promise<{ created: boolean; photo: OwnerPhoto }> {
  const { db, store } = deps;
  const listing = await ownedOrFail(db, kind, id, who);
  const upload = readUpload();
  if (upload.idempotencyKey) {
    const earlier = await findByIdempotencyKey(db, kind, listing.id, upload.idempotencyKey);
    if (earlier) return { created: false, photo: ownerPhoto(earlier) };
  }
  if (upload.roomTypeId !== undefined) {
    if (kind !== 'hotels' || !(await isRoomOfHotel(db, listing.id, upload.roomTypeId))) {
      throw badRequest('No such room type in this listing.', [
        { in: 'query', field: 'roomTypeId', message: 'not a room type of this hotel' },
      ]);
    }
  }
  const processed = await processPhoto(upload.bytes, upload.contentType);
  const key = await store.save(processed);
  let row: PhotoRow;
  try {
    row = await db.transaction(async (tx) => {
      const locked = await ownedOrFail(tx, kind, id, who, { forUpdate: true });
      if ((await countPhotos(tx, kind, locked.id)) >= PHOTO_UPLOAD.maxPerListing) {
        throw conflict('too-many-photos', `A listing has at most ${PHOTO_UPLOAD.maxPerListing} photos.`);
      }
      const inserted = await insertPhoto(tx, {
        kind,
        listingId: locked.id,
        roomTypeId: upload.roomTypeId === undefined ? null : Number(upload.roomTypeId),
        fileKey: key,
        width: processed.width,
        height: processed.height,
        approved: isAdmin(who),
        uploadedBy: who.userId,
        idempotencyKey: upload.idempotencyKey ?? null,
      });
      await recordEvent(tx, who, kind, locked.id, { action: 'photo-added', changedFields: ['photos'] });
      await syncPhotoChange(tx, kind, locked);
      return inserted;
    });
  } catch (err) {
    await store.remove([key]);
    // The same key sent twice at once: the other request made the photo.
    const raced = upload.idempotencyKey && (await findByIdempotencyKey(db, kind, listing.id, upload.idempotencyKey));
    if (raced) return { created: false, photo: ownerPhoto(raced) };
    throw err;
  }
  if (row.approved) await deps.changed(kind, listing.id);
  return { created: true, photo: ownerPhoto(row) };
}

/**
 * A new order of one group of photos (the listing's own, or one room type's): the first is the cover. Live at once
 * (travelers see only approved photos, in this order).
 */
export async function reorderPhotos(deps: PhotoDeps, who: Identity, kind: PhotoKind, id: string, order: PhotoOrder) {
  const { db } = deps;
  const listingId = await db.transaction(async (tx) => {
    const listing = await ownedOrFail(tx, kind, id, who, { forUpdate: true });
    const all = await photosOf(tx, kind, listing.id);
    const first = all.find((p) => String(p.id) === order.ids[0]);
    const group = all.filter((p) => first && p.room_type_id === first.room_type_id).map((p) => String(p.id));
    if (!first || group.length !== order.ids.length || order.ids.some((i) => !group.includes(i))) {
      throw badRequest('The order must list every photo of one group (the listing, or one room type) once.', [
        { in: 'body', field: 'ids', message: 'not all the photos of one group' },
      ]);
    }
    await setOrder(tx, order.ids.map(Number));
    await recordEvent(tx, who, kind, listing.id, { action: 'photos-reordered' });
    return listing.id;
  });
  await deps.changed(kind, listingId);
  return { items: (await photosOf(db, kind, listingId)).map(ownerPhoto) };
}

/** Deletes a photo (live at once: taking a photo down needs no review); its files go once its row is gone. */
export async function removePhoto(deps: PhotoDeps, who: Identity, kind: PhotoKind, id: string, photoId: string) {
  const { db, store } = deps;
  const { listingId, key } = await db.transaction(async (tx) => {
    const listing = await ownedOrFail(tx, kind, id, who, { forUpdate: true });
    const photo = await findPhoto(tx, kind, listing.id, photoId);
    if (!photo) throw notFound('The photo');
    await deletePhoto(tx, photo.id);
    await recordEvent(tx, who, kind, listing.id, { action: 'photo-removed', changedFields: ['photos'] });
    await syncPhotoChange(tx, kind, listing);
    return { listingId: listing.id, key: photo.file_key };
  });
  await store.remove([key]);
  await deps.changed(kind, listingId);
}
