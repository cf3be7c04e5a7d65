import type { RelativeWish } from '@tripwise/contracts';
import type { Bundle } from './bundle.types.ts';
import type { TripPlan } from './trip-request.rules.ts';

const lower = (limit: number | null, below: number) => (limit === null ? below : Math.min(limit, below));

/**
 * "A cheaper hotel", "a nicer hotel", "a cheaper flight": wishes relative to the option shown last become limits
 * of the new search — a nightly price under that hotel's, a star more than it, a fare under that flight's — so the
 * answer is a different option that is what was asked, or the nearest alternatives if there is none.
 */
export function withRelativeWishes(
  plan: TripPlan,
  wishes: readonly RelativeWish[],
  shown: Bundle | undefined,
): TripPlan {
  if (!shown || wishes.length === 0) return plan;
  let next = plan;
  for (const wish of wishes) {
    if (wish.search === 'hotel' && next.hotel && shown.hotel) {
      next =
        wish.want === 'cheaper'
          ? {
              ...next,
              hotel: { ...next.hotel, maxNightly: lower(next.hotel.maxNightly, shown.hotel.nightlyPrice.amount - 1) },
            }
          : {
              ...next,
              hotel: {
                ...next.hotel,
                minStars: Math.min(5, Math.max(next.hotel.minStars ?? 0, shown.hotel.stars + 1)),
              },
            };
    }
    if (wish.search === 'flight' && wish.want === 'cheaper' && next.flight && shown.flight) {
      // Per person, for the whole round trip when it is one: as search's `maxPrice` reads it.
      next = {
        ...next,
        flight: { ...next.flight, maxPrice: lower(next.flight.maxPrice, shown.flight.price.amount - 1) },
      };
    }
  }
  return next;
}
