import { citiesOf, type City, type Neighborhood } from './city-directory.ts';
import { hotelAmenities, hotelDescription, hotelPolicies, ratingTenths, reviewCount } from './hotel-features.ts';
import { hotelKind, hotelName } from './hotel-names.ts';
import { roomTypes } from './hotel-rooms.ts';
import type { HotelRow } from './inventory.types.ts';
import type { InventoryScale } from './inventory-scale.ts';
import { networkAirports, shareOut } from '@tripwise/travel-data/network';
import { rngFor, type Rng } from '@tripwise/travel-data';
import { streetAddress } from './street-address.ts';

const STARS = [1, 2, 3, 4, 5];
const STAR_MIX = [0.07, 0.18, 0.36, 0.27, 0.12];
/** Beach and leisure cities lean to bigger, starrier hotels. */
const RESORT_STAR_MIX = [0.04, 0.12, 0.32, 0.32, 0.2];
const KM_PER_DEGREE = 111.32;
/** However small the city, a traveler searching it finds a few hotels to compare. */
const MIN_PER_CITY = 3;

/** Most hotels cluster in the centre, fewer in the outer districts and by the airports. */
function neighborhoodWeight(neighborhood: Neighborhood): number {
  return neighborhood.kind === 'centre' ? 3 : neighborhood.kind === 'district' ? 1 : 0.5;
}

function scatter(neighborhood: Neighborhood, rng: Rng) {
  const north = rng.normal(0, neighborhood.spreadKm);
  const east = rng.normal(0, neighborhood.spreadKm);
  const cos = Math.cos((neighborhood.latitude * Math.PI) / 180);
  const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
  return {
    latitude: round(neighborhood.latitude + north / KM_PER_DEGREE),
    longitude: round(neighborhood.longitude + east / (KM_PER_DEGREE * cos)),
  };
}

function hotelIn(city: City, taken: Set<string>, rng: Rng): HotelRow {
  const stars = rng.weighted(STARS, city.resort ? RESORT_STAR_MIX : STAR_MIX);
  const neighborhood = rng.weighted(city.neighborhoods, city.neighborhoods.map(neighborhoodWeight));
  const kind = hotelKind(stars, city, rng);
  const amenities = hotelAmenities(stars, city, neighborhood, rng);
  return {
    name: hotelName(kind, city, neighborhood, taken, rng),
    cityCode: city.code,
    city: city.name,
    country: city.country,
    address: streetAddress(city, neighborhood, rng),
    neighborhood: neighborhood.name,
    ...scatter(neighborhood, rng),
    stars,
    ratingTenths: ratingTenths(stars, rng),
    reviewCount: reviewCount(stars, rng),
    amenities,
    policies: hotelPolicies(stars, amenities, rng),
    description: hotelDescription({ stars, kind, neighborhood, city, amenities, rng }),
    roomTypes: roomTypes(stars, city, rng),
  };
}

/** `total` hotels shared out between the cities of the scale's airports, bigger cities getting more. */
export function* generateHotels(scale: InventoryScale, seed: number): Generator<HotelRow> {
  const cities = citiesOf(networkAirports(scale.airports));
  const floor = Math.min(MIN_PER_CITY, Math.floor(scale.hotels / Math.max(cities.length, 1)));
  // Summing square roots favours cities with several airports: New York and London, not just Atlanta's hub.
  const weights = cities.map((city) => city.airports.reduce((sum, a) => sum + Math.sqrt(a.weight), 0));
  const counts = shareOut(scale.hotels - floor * cities.length, weights);
  for (const [i, city] of cities.entries()) {
    const rng = rngFor(seed, 'hotels', city.code);
    const taken = new Set<string>();
    for (let n = 0; n < floor + counts[i]!; n++) yield hotelIn(city, taken, rng);
  }
}
