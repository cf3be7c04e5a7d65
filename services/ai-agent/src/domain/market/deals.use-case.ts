import type { Db } from '@tripwise/platform/db';
import { dealSubscribers, dropDeal, listDeals, upsertDeal, type DealRow } from '../../data/deals.repository.ts';
import type { EmitToUser } from '../jobs/job-events.ts';
import { countDealPublished } from '../../agent.metrics.ts';
import { dealOf } from './deal.rules.ts';
import type { PriceEvent } from './price-event.ts';

const STRONG = 3;

export function dealView(row: DealRow) {
  return {
    kind: row.kind,
    listingId: String(row.listing_id),
    unit: row.unit,
    title: row.title,
    city: row.city,
    price: { amount: row.price_minor, currency: 'USD' },
    usualPrice: { amount: row.reference_minor, currency: 'USD' },
    discountPct: row.discount_pct,
    score: row.score,
    reasons: row.reasons,
    tags: row.tags,
    foundAt: row.found_at.toISOString(),
  };
}

/**
 * A price event made into a deal (or unmade: a price back up leaves the list). A new strong deal (score 3 or more)
 * is pushed at once to the travelers subscribed to its city and kind.
 */
export async function takeDeal(deps: { db: Db; emitToUser: EmitToUser }, event: PriceEvent): Promise<void> {
  const deal = dealOf(event);
  if (!deal) {
    await dropDeal(deps.db, event, event.id);
    return;
  }
  const isNew = await upsertDeal(deps.db, deal, event.id, event.context);
  if (!isNew || deal.score < STRONG) return;
  const [row] = await listDeals(deps.db, { kind: deal.kind, city: deal.city, limit: 50 }).then((rows) =>
    rows.filter((r) => String(r.listing_id) === deal.listingId && r.unit === deal.unit),
  );
  if (!row) return;
  countDealPublished();
  for (const userId of await dealSubscribers(deps.db, deal)) deps.emitToUser(userId, 'deal:new', dealView(row));
}
