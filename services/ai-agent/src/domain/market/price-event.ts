import { z } from 'zod';

/** What search publishes for each price change (services/search/src/domain/market/price-market.ts). */
export const priceEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['flight', 'room', 'car']),
  listingId: z.string(),
  unit: z.string(),
  oldPrice: z.number().int(),
  newPrice: z.number().int(),
  basePrice: z.number().int(),
  avg30: z.number().nullable(),
  reason: z.string(),
  at: z.string(),
  context: z.record(z.string(), z.unknown()),
});

export type PriceEvent = z.infer<typeof priceEventSchema>;

/** The unit a price event is about, as watches name it. */
export const unitKey = (e: { kind: string; listingId: string; unit: string }) => `${e.kind}:${e.listingId}:${e.unit}`;

/** The route-date a flight event belongs to (airport to airport, one cabin). */
export function routeKey(e: PriceEvent): string | null {
  if (e.kind !== 'flight') return null;
  const { origin, destination, date } = e.context;
  return typeof origin === 'string' && typeof destination === 'string' && typeof date === 'string'
    ? `route:${origin}:${destination}:${date}:${e.unit}`
    : null;
}
