import type { Queryable } from '@tripwise/platform/db';
import type { Deal } from '../domain/market/deal.rules.ts';

export async function upsertDeal(db: Queryable, deal: Deal, eventId: number, context: Record<string, unknown>): Promise<boolean> {
  const { rows } = await db.query<{ inserted: boolean }>(
    `INSERT INTO deals (kind, listing_id, unit, title, city, price_minor, reference_minor, discount_pct, score, reasons, tags, event_id, context)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (kind, listing_id, unit) DO UPDATE SET title = EXCLUDED.title, city = EXCLUDED.city,
       price_minor = EXCLUDED.price_minor, reference_minor = EXCLUDED.reference_minor, discount_pct = EXCLUDED.discount_pct,
       score = EXCLUDED.score, reasons = EXCLUDED.reasons, tags = EXCLUDED.tags, event_id = EXCLUDED.event_id,
       context = EXCLUDED.context, found_at = now()
     WHERE deals.event_id < EXCLUDED.event_id
     RETURNING (xmax = 0) AS inserted`,
    [deal.kind, deal.listingId, deal.unit, deal.title, deal.city, deal.price, deal.reference, deal.discountPct, deal.score, deal.reasons, deal.tags, eventId, JSON.stringify(context)],
  );
  return rows[0]?.inserted ?? false;
}

/** The unit is no deal any more (its price rose back): it leaves the list. */
export async function dropDeal(db: Queryable, unit: { kind: string; listingId: string; unit: string }, eventId: number) {
  await db.query('DELETE FROM deals WHERE kind = $1 AND listing_id = $2 AND unit = $3 AND event_id < $4', [unit.kind, unit.listingId, unit.unit, eventId]);
}

export interface DealRow {
  kind: string;
  listing_id: number;
  unit: string;
  title: string;
  city: string;
  price_minor: number;
  reference_minor: number;
  discount_pct: number;
  score: number;
  reasons: string[];
  tags: string[];
  context: Record<string, unknown>;
  found_at: Date;
}

/** The best current deals (found in the last 48 hours), best score first. */
export async function listDeals(db: Queryable, filter: { kind?: string | undefined; city?: string | undefined; tag?: string | undefined; limit: number }) {
  const { rows } = await db.query<DealRow>(
    `SELECT kind, listing_id, unit, title, city, price_minor, reference_minor, discount_pct, score, reasons, tags, context, found_at
     FROM deals WHERE found_at > now() - interval '48 hours' AND ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR city = $2)
       AND ($3::text IS NULL OR $3 = ANY(tags))
     ORDER BY score DESC, discount_pct DESC, found_at DESC LIMIT $4`,
    [filter.kind ?? null, filter.city ?? null, filter.tag ?? null, filter.limit],
  );
  return rows;
}

export async function subscribeToDeals(db: Queryable, userId: string, filter: { cities: string[]; kinds: string[]; minScore: number }) {
  await db.query(
    `INSERT INTO deal_subscriptions (user_id, cities, kinds, min_score) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET cities = EXCLUDED.cities, kinds = EXCLUDED.kinds, min_score = EXCLUDED.min_score`,
    [userId, filter.cities, filter.kinds, filter.minScore],
  );
}

export async function subscriptionOf(db: Queryable, userId: string) {
  const { rows } = await db.query<{ cities: string[]; kinds: string[]; min_score: number }>(
    'SELECT cities, kinds, min_score FROM deal_subscriptions WHERE user_id = $1',
    [userId],
  );
  return rows[0];
}

export async function unsubscribeFromDeals(db: Queryable, userId: string): Promise<boolean> {
  return (await db.query('DELETE FROM deal_subscriptions WHERE user_id = $1', [userId])).rowCount > 0;
}

/** Who wants to hear of this deal. */
export async function dealSubscribers(db: Queryable, deal: { kind: string; city: string; score: number }): Promise<string[]> {
  const { rows } = await db.query<{ user_id: string }>(
    `SELECT user_id FROM deal_subscriptions
     WHERE min_score <= $3 AND (cardinality(kinds) = 0 OR $1 = ANY(kinds)) AND (cardinality(cities) = 0 OR $2 = ANY(cities))`,
    [deal.kind, deal.city, deal.score],
  );
  return rows.map((r) => r.user_id);
}
