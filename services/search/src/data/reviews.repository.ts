import type { Queryable } from '@tripwise/platform/db';

export type ReviewKind = 'hotel' | 'car' | 'flight';
const TABLE: Record<ReviewKind, string> = { hotel: 'hotels', car: 'cars', flight: 'flights' };

export interface ReviewRow {
  id: number;
  rating: number;
  title: string | null;
  body: string;
  author_name: string;
  created_at: Date;
  cursor_at?: string;
}

/** True when the listing exists and is live. */
export async function isListed(db: Queryable, kind: ReviewKind, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM ${TABLE[kind]} WHERE id = $1 AND status = 'active'`, [id]);
  return rowCount > 0;
}

/** Adds the review unless this traveler already reviewed the listing; false then. */
export async function insertReview(
  tx: Queryable,
  review: { kind: ReviewKind; listingId: string; userId: string; bookingId: string; rating: number; title: string | null; body: string; authorName: string },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO reviews (kind, listing_id, user_id, booking_id, rating, title, body, author_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (kind, listing_id, user_id) DO NOTHING RETURNING id`,
    [review.kind, review.listingId, review.userId, review.bookingId, review.rating, review.title, review.body, review.authorName],
  );
  return rowCount > 0;
}

/**
 * Folds one more rating (1–10) into the listing's average (in tenths) and count. A listing without ratings yet
 * (null) takes the new one as its average.
 */
export async function rollUpRating(tx: Queryable, kind: ReviewKind, id: string, rating: number) {
  const { rows } = await tx.query<{ rating_tenths: number; review_count: number }>(
    `UPDATE ${TABLE[kind]} SET
       rating_tenths = round((coalesce(rating_tenths, 0) * review_count + $2 * 10)::numeric / (review_count + 1)),
       review_count = review_count + 1
     WHERE id = $1 RETURNING rating_tenths, review_count`,
    [id, rating],
  );
  return rows[0];
}

/** A listing's reviews, newest first, a page at a time. */
export async function listReviews(
  db: Queryable,
  kind: ReviewKind,
  id: string,
  page: { limit: number; before?: { createdAt: string; id: number } | undefined },
): Promise<ReviewRow[]> {
  const { rows } = await db.query<ReviewRow>(
    `SELECT id, rating, title, body, author_name, created_at, created_at::text AS cursor_at FROM reviews
     WHERE kind = $1 AND listing_id = $2 AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::bigint))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [kind, id, page.before?.createdAt ?? null, page.before?.id ?? null, page.limit],
  );
  return rows;
}

export async function ratingOf(db: Queryable, kind: ReviewKind, id: string) {
  const { rows } = await db.query<{ rating_tenths: number | null; review_count: number }>(
    `SELECT rating_tenths, review_count FROM ${TABLE[kind]} WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** A listing's written reviews counted by rating. */
export async function writtenRatings(db: Queryable, kind: ReviewKind, id: string) {
  const { rows } = await db.query<{ rating: number; count: number }>(
    `SELECT rating, count(*)::int AS count FROM reviews WHERE kind = $1 AND listing_id = $2 GROUP BY rating`,
    [kind, id],
  );
  return rows;
}
