import type { PriceEvent } from './price-event.ts';

export interface Deal {
  kind: PriceEvent['kind'];
  listingId: string;
  unit: string;
  title: string;
  city: string;
  price: number;
  reference: number;
  discountPct: number;
  score: number;
  reasons: ('below-average' | 'scarce' | 'promotion')[];
  tags: string[];
}

const DEAL_RATIO = 0.85;
const SCARCE_BELOW = 5;

function titleOf(e: PriceEvent): { title: string; city: string } {
  const c = e.context;
  const s = (key: string) => (typeof c[key] === 'string' || typeof c[key] === 'number' ? String(c[key]) : '');
  if (e.kind === 'flight') {
    return {
      title: `${s('airline')}${s('flightNumber')} ${s('origin')}→${s('destination')} on ${s('date')} (${e.unit.replace('_', ' ')})`,
      city: s('destination'),
    };
  }
  if (e.kind === 'room') return { title: `${s('name')}, ${s('room')}`, city: s('city') };
  return { title: `${s('company')} ${s('carClass').replace('_', ' ')} at ${s('location')}`, city: s('location') };
}

function tagsOf(e: PriceEvent): string[] {
  const c = e.context;
  const amenities = Array.isArray(c.amenities) ? (c.amenities as unknown[]).map(String) : [];
  const refundable =
    e.kind === 'flight'
      ? c.refundable === true
      : e.kind === 'room'
        ? Number(c.refundWindowHours ?? 0) > 0
        : Number(c.freeCancellationHours ?? 0) > 0;
  return [
    refundable ? 'refundable' : null,
    amenities.includes('pet_friendly') ? 'pet-friendly' : null,
    amenities.includes('breakfast') ? 'breakfast' : null,
    amenities.includes('near_transit') ? 'near-transit' : null,
  ].filter((t): t is string => t !== null);
}

/**
 * A deal is a price at most 85% of its 30-day average (its listed base when it never moved), scarce inventory
 * (fewer than 5 seats left, or the last rooms or cars), or a promotion. Its score, 1 to 5: one point, plus one per 5% beyond a 15% discount, one for
 * scarcity and one for a promotion. Null when the price is no deal.
 */
export function dealOf(e: PriceEvent): Deal | null {
  const reference = e.avg30 ?? e.basePrice;
  // Seats left are known per flight; a room type's or a car's scarcity is what search priced as such.
  const left = e.kind === 'flight' && typeof e.context.left === 'number' ? e.context.left : Infinity;
  const reasons: Deal['reasons'] = [];
  if (e.newPrice <= DEAL_RATIO * reference) reasons.push('below-average');
  if (left < SCARCE_BELOW || e.reason === 'scarcity') reasons.push('scarce');
  if (e.reason === 'promotion') reasons.push('promotion');
  if (reasons.length === 0) return null;
  const discountPct = Math.max(0, Math.round((1 - e.newPrice / reference) * 100));
  const score = Math.min(
    5,
    1 +
      Math.max(0, Math.floor((discountPct - 15) / 5)) +
      (reasons.includes('scarce') ? 1 : 0) +
      (reasons.includes('promotion') ? 1 : 0),
  );
  return {
    kind: e.kind,
    listingId: e.listingId,
    unit: e.unit,
    ...titleOf(e),
    price: e.newPrice,
    reference,
    discountPct,
    score,
    reasons,
    tags: tagsOf(e),
  };
}
