import type { City } from './city-directory.ts';
import type { RoomTypeRow } from './inventory.types.ts';
import type { Rng } from '@tripwise/travel-data';

interface RoomKind {
  name: string;
  capacity: number;
  /** Nightly price relative to the hotel's standard room. */
  priceRatio: number;
  /** Share of the hotel's rooms relative to the other kinds it has. */
  share: number;
}

const room = (name: string, capacity: number, priceRatio: number, share: number): RoomKind => ({
  name,
  capacity,
  priceRatio,
  share,
});

/** The hotel's standard room is the first of each list; the others are offered besides it. */
const ROOMS_BY_STARS: Record<number, readonly RoomKind[]> = {
  1: [
    room('Double Room', 2, 1, 4),
    room('Dormitory Bed', 1, 0.4, 6),
    room('Single Room', 1, 0.8, 3),
    room('Twin Room', 2, 1, 3),
    room('Family Room', 4, 1.5, 1),
  ],
  2: [
    room('Double Room', 2, 1, 5),
    room('Single Room', 1, 0.8, 2),
    room('Twin Room', 2, 1, 3),
    room('Queen Room', 2, 1.08, 3),
    room('Family Room', 4, 1.5, 1),
  ],
  3: [
    room('Standard Queen', 2, 1, 5),
    room('Standard King', 2, 1.06, 4),
    room('Double Queen', 4, 1.25, 3),
    room('Twin Room', 2, 1, 2),
    room('Junior Suite', 3, 1.6, 1),
  ],
  4: [
    room('Superior King', 2, 1, 5),
    room('Deluxe Twin', 2, 1.1, 3),
    room('Executive Room', 2, 1.35, 2),
    room('Junior Suite', 3, 1.7, 1),
    room('One-Bedroom Suite', 4, 2.1, 1),
  ],
  5: [
    room('Deluxe King', 2, 1, 5),
    room('Premier Room', 2, 1.3, 3),
    room('Club Room', 2, 1.55, 2),
    room('Junior Suite', 3, 1.9, 1),
    room('Executive Suite', 4, 2.6, 1),
    room('Presidential Suite', 4, 6, 0.05),
  ],
};

/** A standard room for one night in an average-priced city, USD. */
const STANDARD_NIGHT_USD = [55, 80, 120, 190, 340];
/** How many rooms a hotel of each star rating has, roughly. */
// prettier-ignore
const HOTEL_SIZE: readonly (readonly [number, number])[] = [[10, 40], [20, 90], [40, 220], [80, 350], [100, 450]];

/** Two to four room types: the standard room and others, with units adding up to the hotel's size. */
export function roomTypes(stars: number, city: City, rng: Rng): RoomTypeRow[] {
  const [standard, ...others] = ROOMS_BY_STARS[stars] ?? ROOMS_BY_STARS[3]!;
  const extras = others
    .map((kind) => ({ kind, key: rng.next() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, rng.int(1, 3))
    .map(({ kind }) => kind);
  const kinds = [standard!, ...extras];
  const [minSize, maxSize] = HOTEL_SIZE[stars - 1] ?? [40, 220];
  const size = rng.int(minSize, maxSize);
  const totalShare = kinds.reduce((sum, k) => sum + k.share, 0);
  // The same hotel is dearer or cheaper than its peers across all its rooms.
  const hotelFactor = rng.between(0.8, 1.25) * city.priceLevel * (STANDARD_NIGHT_USD[stars - 1] ?? 120);
  return kinds
    .map((kind) => ({
      name: kind.name,
      capacity: kind.capacity,
      units: Math.max(1, Math.round((size * kind.share) / totalShare)),
      nightlyPriceMinor: Math.max(20, Math.round(hotelFactor * kind.priceRatio * rng.between(0.95, 1.05))) * 100,
    }))
    .sort((a, b) => a.nightlyPriceMinor - b.nightlyPriceMinor);
}
