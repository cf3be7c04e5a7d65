import type { City, Neighborhood } from './city-directory.ts';
import type { HotelAmenity, HotelPolicies } from './inventory.types.ts';
import type { Rng } from '@tripwise/travel-data';

/** Chance of each amenity for 1 … 5 stars: more, and richer ones, as stars go up. */
const AMENITY_ODDS: Record<HotelAmenity, readonly number[]> = {
  wifi: [0.85, 0.93, 0.98, 1, 1],
  breakfast: [0.2, 0.45, 0.6, 0.75, 0.85],
  parking: [0.4, 0.55, 0.6, 0.65, 0.7],
  pool: [0.02, 0.1, 0.3, 0.55, 0.8],
  gym: [0.02, 0.15, 0.55, 0.85, 0.97],
  spa: [0, 0.01, 0.08, 0.35, 0.8],
  pet_friendly: [0.25, 0.3, 0.35, 0.35, 0.3],
  airport_shuttle: [0.1, 0.15, 0.2, 0.2, 0.25],
  near_transit: [0.55, 0.6, 0.6, 0.6, 0.6],
  free_cancellation: [0.45, 0.55, 0.65, 0.7, 0.75],
};

export function hotelAmenities(stars: number, city: City, neighborhood: Neighborhood, rng: Rng): HotelAmenity[] {
  return (Object.keys(AMENITY_ODDS) as HotelAmenity[]).filter((amenity) => {
    let odds = AMENITY_ODDS[amenity][stars - 1] ?? 0;
    if (amenity === 'pool' && city.resort) odds = Math.min(1, odds + 0.3);
    if (amenity === 'airport_shuttle' && neighborhood.kind === 'airport') odds = 0.85;
    if (amenity === 'near_transit' && neighborhood.kind === 'centre') odds = 0.9;
    return rng.chance(odds);
  });
}

/** Policies that agree with the amenities: no pets without pet_friendly, no refund window without free cancellation. */
export function hotelPolicies(stars: number, amenities: readonly HotelAmenity[], rng: Rng): HotelPolicies {
  const has = (amenity: HotelAmenity) => amenities.includes(amenity);
  return {
    refundWindowHours: has('free_cancellation') ? rng.pick([24, 48, 48, 72]) : 0,
    petsAllowed: has('pet_friendly'),
    breakfastIncluded: has('breakfast') && rng.chance(stars >= 4 ? 0.4 : 0.65),
    parking: has('parking') ? (rng.chance(stars >= 4 ? 0.7 : 0.35) ? 'paid' : 'free') : 'none',
    checkInTime: rng.pick(stars >= 4 ? ['15:00', '15:00', '16:00', '14:00'] : ['14:00', '15:00', '15:00', '16:00']),
    checkOutTime: rng.pick(stars >= 4 ? ['11:00', '12:00', '12:00'] : ['10:00', '11:00', '11:00', '12:00']),
  };
}

/** Guest rating out of 10 in tenths: better with stars on average, with plenty of exceptions both ways. */
export function ratingTenths(stars: number, rng: Rng): number {
  return Math.min(98, Math.max(35, Math.round(rng.normal(58 + stars * 6, 6))));
}

/** Review counts are heavy-tailed: most hotels have a few hundred, a few have many thousands. */
export function reviewCount(stars: number, rng: Rng): number {
  return Math.round(Math.exp(rng.normal(5.1 + stars * 0.15, 1)));
}

const OPENINGS: Record<number, readonly string[]> = {
  1: ['A simple', 'A no-frills', 'A friendly'],
  2: ['A comfortable', 'A friendly', 'A good-value'],
  3: ['A modern', 'A comfortable', 'A well-run'],
  4: ['A stylish', 'A refined', 'A contemporary'],
  5: ['An elegant', 'A luxurious', 'A landmark'],
};
const HIGHLIGHTS: Partial<Record<HotelAmenity, string>> = {
  pool: 'a pool',
  spa: 'a spa',
  gym: 'a fitness room',
  breakfast: 'breakfast',
  airport_shuttle: 'an airport shuttle',
  near_transit: 'public transport at the door',
};

/** The kind as a common noun: `Inn & Suites` is an inn, `Rooms` a guesthouse. */
const KIND_NOUNS: Record<string, string> = {
  'Inn & Suites': 'inn',
  Suites: 'all-suite hotel',
  Rooms: 'guesthouse',
  Residences: 'apartment hotel',
  'Grand Hotel': 'hotel',
  Palace: 'palace hotel',
  'Hotel & Spa': 'hotel and spa',
  'Resort & Spa': 'resort and spa',
  'Beach Resort': 'beach resort',
};

export function hotelDescription(input: {
  stars: number;
  kind: string;
  neighborhood: Neighborhood;
  city: City;
  amenities: readonly HotelAmenity[];
  rng: Rng;
}): string {
  const { stars, kind, neighborhood, city, amenities, rng } = input;
  const opening = rng.pick(OPENINGS[stars] ?? OPENINGS[3]!);
  const place =
    neighborhood.kind === 'airport' ? `near ${city.name}'s airport` : `in ${neighborhood.name}, ${city.name}`;
  const highlights = amenities.flatMap((a) => HIGHLIGHTS[a] ?? []).slice(0, 3);
  const offer =
    highlights.length === 0 ? '' : ` Guests enjoy ${highlights.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`;
  return `${opening} ${stars}-star ${KIND_NOUNS[kind] ?? kind.toLowerCase()} ${place}.${offer}`;
}
