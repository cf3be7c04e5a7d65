import type { City, Neighborhood } from './city-directory.ts';
import type { Rng } from '@tripwise/travel-data';

// Invented words on purpose: no chain's trademark ("Hilton", "Marriott", "Ritz" …) may appear in a name.
// prettier-ignore
const ADJECTIVES = [
  'Amber', 'Blue', 'Bright', 'Copper', 'Golden', 'Grand', 'Green', 'Hidden', 'Ivory', 'Little', 'Noble', 'Northern',
  'Old', 'Quiet', 'Royal', 'Scarlet', 'Silver', 'Southern', 'Urban', 'White', 'Velvet', 'Crimson', 'Misty', 'Sunny',
];
// prettier-ignore
const NOUNS = [
  'Anchor', 'Atlas', 'Aurora', 'Beacon', 'Birch', 'Cedar', 'Compass', 'Crescent', 'Falcon', 'Fern', 'Garden', 'Granite',
  'Harbor', 'Heron', 'Horizon', 'Juniper', 'Lantern', 'Larch', 'Linden', 'Magnolia', 'Maple', 'Marigold', 'Meadow',
  'Oak', 'Olive', 'Orchard', 'Pebble', 'Pine', 'Quill', 'Raven', 'Saffron', 'Sparrow', 'Tamarind', 'Thistle',
  'Tower', 'Vista', 'Willow', 'Wren', 'Clover', 'Summit', 'Riverside', 'Bay', 'Lighthouse', 'Fountain', 'Gallery',
];
const KINDS: Record<number, readonly string[]> = {
  1: ['Hostel', 'Budget Inn', 'Rooms', 'Guesthouse'],
  2: ['Inn', 'Lodge', 'Guesthouse', 'Hotel'],
  3: ['Hotel', 'Inn & Suites', 'Suites', 'Hotel'],
  4: ['Hotel', 'Suites', 'Boutique Hotel', 'Residences'],
  5: ['Grand Hotel', 'Palace', 'Hotel & Spa', 'Hotel'],
};
const RESORT_KINDS = ['Resort', 'Beach Resort', 'Resort & Spa'];

/** What kind of place it is (`Inn`, `Boutique Hotel`, `Resort & Spa` …): part of the name and the description. */
export function hotelKind(stars: number, city: City, rng: Rng): string {
  if (city.resort && stars >= 4 && rng.chance(0.35)) return rng.pick(RESORT_KINDS);
  return rng.pick(KINDS[stars] ?? KINDS[3]!);
}

function candidateName(kind: string, city: City, neighborhood: Neighborhood, rng: Rng): string {
  const noun = rng.pick(NOUNS);
  switch (rng.int(0, 4)) {
    case 0:
      return `The ${noun} ${kind}`;
    case 1:
      return neighborhood.kind === 'airport' ? `${city.name} Airport ${noun} ${kind}` : `${neighborhood.name} ${kind}`;
    case 2:
      return `${noun} ${kind} ${city.name}`;
    default:
      return `${rng.pick(ADJECTIVES)} ${noun} ${kind}`;
  }
}

/** A plausible, made-up name that no other hotel of the city has yet (`taken` remembers the city's names). */
export function hotelName(kind: string, city: City, neighborhood: Neighborhood, taken: Set<string>, rng: Rng): string {
  let name = candidateName(kind, city, neighborhood, rng);
  for (let attempt = 0; taken.has(name) && attempt < 20; attempt++) {
    name = candidateName(kind, city, neighborhood, rng);
  }
  // A big city can run out of short names; a branch name then tells them apart.
  for (let branch = 2; taken.has(name); branch++) name = `${name.replace(/ \d+$/, '')} ${branch}`;
  taken.add(name);
  return name;
}
