import type { City, Neighborhood } from './city-directory.ts';
import type { Rng } from '@tripwise/travel-data';

/** A street address written the way the city writes them, on one of its main streets. */
export function streetAddress(city: City, neighborhood: Neighborhood, rng: Rng): string {
  // Low numbers are far more common than high ones on any street.
  const number = 1 + Math.floor(rng.next() ** 2 * 400);
  if (city.addressStyle === 'jp') return `${rng.int(1, 7)}-${rng.int(1, 30)}-${rng.int(1, 20)} ${neighborhood.name}`;
  if (neighborhood.kind === 'airport' && city.addressStyle === 'first') return `${number} Airport Boulevard`;
  const street = rng.pick(city.streets);
  switch (city.addressStyle) {
    case 'first':
      return `${number} ${street}`;
    case 'last':
      return `${street} ${number}`;
    case 'comma':
      return `${street}, ${number}`;
    case 'no':
      return `${street} No. ${number}`;
  }
}
