import type { Queryable } from '@tripwise/platform/db';

/** The pages a funnel step is, by route template (the web client's router). */
export const RESULTS_ROUTES = ['/hotels', '/cars', '/flights', '/explore'];
export const DETAILS_ROUTES = ['/hotels/:id', '/cars/:id', '/flights/:id'];
export const CHECKOUT_ROUTES = ['/checkout'];
/** The element key of a listing card in results: its clicks over its impressions is the click-through rate. */
export const LISTING_CARD_ELEMENT = 'results.listing';

const DAY = `(occurred_at AT TIME ZONE 'UTC')::date`;
const LISTING = `listing_kind || ':' || listing_id`;

/**
 * Recomputes the rollups of the days [from, to) from the raw events, in one transaction: delete then insert, so a
 * rerun (or a late event) gives the same rows, never doubled ones, and readers never see a day half written.
 */
export async function rebuildRollups(db: { transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T> }, from: string, to: string) {
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM insight_daily WHERE day >= $1::date AND day < $2::date`, [from, to]);
    const inRange = `occurred_at >= $1::date AND occurred_at < $2::date`;
    await tx.query(
      `INSERT INTO insight_daily (day, dimension, key, views, clicks, sessions)
       SELECT ${DAY}, 'page', route, count(*) FILTER (WHERE type = 'page_view'), count(*) FILTER (WHERE type = 'click'),
              count(DISTINCT session_id)
       FROM insight_events WHERE ${inRange} AND type IN ('page_view', 'click') GROUP BY 1, 3`,
      [from, to],
    );
    await tx.query(
      `INSERT INTO insight_daily (day, dimension, key, listing, views, clicks, card_clicks, impressions, bookings, sessions)
       SELECT ${DAY}, 'listing', ${LISTING}, ${LISTING},
              count(*) FILTER (WHERE type = 'page_view'), count(*) FILTER (WHERE type = 'click'),
              count(*) FILTER (WHERE type = 'click' AND element = $3), count(*) FILTER (WHERE type = 'impression'),
              count(*) FILTER (WHERE type = 'booked'), count(DISTINCT session_id)
       FROM insight_events WHERE ${inRange} AND listing_id IS NOT NULL AND type <> 'section_view' GROUP BY 1, 3`,
      [from, to, LISTING_CARD_ELEMENT],
    );
    await tx.query(
      `INSERT INTO insight_daily (day, dimension, key, listing, views, seen, visible_ms, sessions)
       SELECT ${DAY}, 'section', route || '#' || section, coalesce(${LISTING}, ''), count(*),
              count(*) FILTER (WHERE visible_ms > 0), coalesce(sum(visible_ms), 0), count(DISTINCT session_id)
       FROM insight_events WHERE ${inRange} AND type = 'section_view' GROUP BY 1, 3, 4`,
      [from, to],
    );
    // The same sections summed over every listing: the site-wide ranking reads a few rows per day, not one per listing.
    await tx.query(
      `INSERT INTO insight_daily (day, dimension, key, views, seen, visible_ms, sessions)
       SELECT ${DAY}, 'site-section', route || '#' || section, count(*), count(*) FILTER (WHERE visible_ms > 0),
              coalesce(sum(visible_ms), 0), count(DISTINCT session_id)
       FROM insight_events WHERE ${inRange} AND type = 'section_view' GROUP BY 1, 3`,
      [from, to],
    );
    await tx.query(
      `INSERT INTO insight_daily (day, dimension, key, clicks, sessions)
       SELECT ${DAY}, 'element', route || '#' || element, count(*), count(DISTINCT session_id)
       FROM insight_events WHERE ${inRange} AND type = 'click' GROUP BY 1, 3`,
      [from, to],
    );
    await tx.query(
      `INSERT INTO insight_daily (day, dimension, key, sessions)
       SELECT day, 'funnel', step, count(DISTINCT session_id) FROM (
         SELECT ${DAY} AS day, session_id, CASE
           WHEN type = 'booked' THEN 'booked'
           WHEN route = ANY($3::text[]) THEN 'results'
           WHEN route = ANY($4::text[]) THEN 'details'
           WHEN route = ANY($5::text[]) THEN 'checkout' END AS step
         FROM insight_events WHERE ${inRange} AND type IN ('page_view', 'booked')
       ) steps WHERE step IS NOT NULL GROUP BY 1, 3`,
      [from, to, RESULTS_ROUTES, DETAILS_ROUTES, CHECKOUT_ROUTES],
    );
  });
}

export interface DailyTotals {
  key: string;
  views: number;
  clicks: number;
  card_clicks: number;
  impressions: number;
  bookings: number;
  sessions: number;
  seen: number;
  visible_ms: number;
}

const SUMS = `sum(views)::float8 AS views, sum(clicks)::float8 AS clicks, sum(card_clicks)::float8 AS card_clicks,
  sum(impressions)::float8 AS impressions, sum(bookings)::float8 AS bookings, sum(sessions)::float8 AS sessions,
  sum(seen)::float8 AS seen, sum(visible_ms)::float8 AS visible_ms`;

/** One listing's figures per day in [from, to). */
export async function listingDays(db: Queryable, listing: string, from: string, to: string) {
  const { rows } = await db.query<DailyTotals & { day: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, key, ${SUMS} FROM insight_daily
     WHERE dimension = 'listing' AND listing = $1 AND day >= $2::date AND day < $3::date
     GROUP BY day, key ORDER BY day`,
    [listing, from, to],
  );
  return rows;
}

export type Ranking = 'views' | 'clicks' | 'seen_rate';

/**
 * Totals per key of a dimension in [from, to), one page of them in the asked order (ties by key), optionally only
 * the rows of one listing. Sections rank by how rarely they were seen (least seen first).
 */
export async function totalsBy(
  db: Queryable,
  dimension: 'page' | 'listing' | 'section' | 'site-section' | 'element' | 'funnel',
  range: { from: string; to: string },
  page: { limit: number; offset: number; order: Ranking; listing?: string | undefined },
): Promise<DailyTotals[]> {
  const params: unknown[] = [dimension, range.from, range.to, page.limit, page.offset];
  let listing = '';
  if (page.listing !== undefined) {
    params.push(page.listing);
    listing = `AND listing = $6`;
  }
  const order =
    page.order === 'seen_rate'
      ? `sum(seen)::float8 / greatest(sum(views), 1) ASC, sum(views) DESC, key`
      : `sum(${page.order}) DESC, key`;
  const { rows } = await db.query<DailyTotals>(
    `SELECT key, ${SUMS} FROM insight_daily
     WHERE dimension = $1 AND day >= $2::date AND day < $3::date ${listing}
     GROUP BY key ORDER BY ${order} LIMIT $4 OFFSET $5`,
    params,
  );
  return rows;
}
