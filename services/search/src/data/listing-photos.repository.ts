import type { Queryable } from '@tripwise/platform/db';

export type PhotoKind = 'hotels' | 'cars';

export interface PhotoRow {
  id: number;
  kind: PhotoKind;
  listing_id: number;
  room_type_id: number | null;
  file_key: string;
  width: number;
  height: number;
  position: number;
  approved: boolean;
}

const COLUMNS = 'id, kind, listing_id, room_type_id, file_key, width, height, position, approved';

/** A listing's photos (its own first, then by room type), in their order. `approvedOnly`: what travelers see. */
export async function photosOf(
  db: Queryable,
  kind: PhotoKind,
  listingId: number | string,
  options: { approvedOnly?: boolean } = {},
): Promise<PhotoRow[]> {
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${COLUMNS} FROM listing_photos WHERE kind = $1 AND listing_id = $2${options.approvedOnly ? ' AND approved' : ''}
     ORDER BY room_type_id NULLS FIRST, position, id`,
    [kind, listingId],
  );
  return rows;
}

/** The cover of each listing asked (its first approved photo of its own), for a page of search results. */
export async function coversOf(db: Queryable, kind: PhotoKind, listingIds: number[]): Promise<Map<number, PhotoRow>> {
  if (listingIds.length === 0) return new Map();
  const { rows } = await db.query<PhotoRow>(
    `SELECT DISTINCT ON (listing_id) ${COLUMNS} FROM listing_photos
     WHERE kind = $1 AND listing_id = ANY($2::bigint[]) AND room_type_id IS NULL AND approved
     ORDER BY listing_id, position, id`,
    [kind, listingIds],
  );
  return new Map(rows.map((r) => [Number(r.listing_id), r]));
}

export async function findPhoto(db: Queryable, kind: PhotoKind, listingId: number, photoId: string) {
  if (!/^\d{1,18}$/.test(photoId)) return undefined;
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${COLUMNS} FROM listing_photos WHERE kind = $1 AND listing_id = $2 AND id = $3`,
    [kind, listingId, photoId],
  );
  return rows[0];
}

export async function findByIdempotencyKey(db: Queryable, kind: PhotoKind, listingId: number, key: string) {
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${COLUMNS} FROM listing_photos WHERE kind = $1 AND listing_id = $2 AND idempotency_key = $3`,
    [kind, listingId, key],
  );
  return rows[0];
}

export async function countPhotos(db: Queryable, kind: PhotoKind, listingId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM listing_photos WHERE kind = $1 AND listing_id = $2',
    [kind, listingId],
  );
  return rows[0]?.n ?? 0;
}

export async function countUnapproved(db: Queryable, kind: PhotoKind, listingId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM listing_photos WHERE kind = $1 AND listing_id = $2 AND NOT approved',
    [kind, listingId],
  );
  return rows[0]?.n ?? 0;
}

export interface NewPhoto {
  kind: PhotoKind;
  listingId: number;
  roomTypeId: number | null;
  fileKey: string;
  width: number;
  height: number;
  approved: boolean;
  uploadedBy: string | null;
  idempotencyKey: string | null;
}

/** Adds a photo at the end of its group (the listing's own, or one room type's). */
export async function insertPhoto(tx: Queryable, p: NewPhoto): Promise<PhotoRow> {
  const { rows } = await tx.query<PhotoRow>(
    `INSERT INTO listing_photos
       (kind, listing_id, room_type_id, file_key, width, height, approved, uploaded_by, idempotency_key, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (
       SELECT coalesce(max(position) + 1, 0) FROM listing_photos
       WHERE kind = $1 AND listing_id = $2 AND room_type_id IS NOT DISTINCT FROM $3::bigint))
     RETURNING ${COLUMNS}`,
    [p.kind, p.listingId, p.roomTypeId, p.fileKey, p.width, p.height, p.approved, p.uploadedBy, p.idempotencyKey],
  );
  return rows[0]!;
}

export async function deletePhoto(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM listing_photos WHERE id = $1', [id]);
}

/** Positions 0..n-1 in the order given (the ids of one group, all of them). */
export async function setOrder(tx: Queryable, ids: number[]): Promise<void> {
  await tx.query(
    `UPDATE listing_photos p SET position = o.position - 1
     FROM unnest($1::bigint[]) WITH ORDINALITY AS o(id, position) WHERE p.id = o.id`,
    [ids],
  );
}

export async function approvePhotos(tx: Queryable, kind: PhotoKind, listingId: number): Promise<void> {
  await tx.query('UPDATE listing_photos SET approved = true WHERE kind = $1 AND listing_id = $2 AND NOT approved', [
    kind,
    listingId,
  ]);
}

/** Drops the photos a rejected change proposed; answers their file keys, for the files to go too. */
export async function deleteUnapproved(tx: Queryable, kind: PhotoKind, listingId: number): Promise<string[]> {
  const { rows } = await tx.query<{ file_key: string }>(
    'DELETE FROM listing_photos WHERE kind = $1 AND listing_id = $2 AND NOT approved RETURNING file_key',
    [kind, listingId],
  );
  return rows.map((r) => r.file_key);
}

/** Whether a room type belongs to the hotel (a photo may be put only on one of the hotel's own). */
export async function isRoomOfHotel(db: Queryable, hotelId: number, roomTypeId: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(roomTypeId)) return false;
  const { rows } = await db.query('SELECT 1 FROM room_types WHERE id = $1 AND hotel_id = $2', [roomTypeId, hotelId]);
  return rows.length > 0;
}
