import { CAR_MODELS, type CarModel } from './car-models.data.ts';
import { citiesOf, type City } from './city-directory.ts';
import type { CarClass, CarRow } from './inventory.types.ts';
import type { InventoryScale } from './inventory-scale.ts';
import { networkAirports, shareOut, type NetworkAirport } from '@tripwise/travel-data/network';
import {
  CLASS_DAILY_USD,
  INTERNATIONAL_COMPANIES,
  MANUAL_ODDS,
  NORTH_AMERICAN_COMPANIES,
  carPolicies,
  type RentalCompany,
} from './rental-terms.ts';
import { rngFor, type Rng } from '@tripwise/travel-data';

const NORTH_AMERICA = new Set(['United States', 'Canada']);
/** Where rental fleets are automatic almost everywhere, although the rest of the world drives stick. */
const MOSTLY_AUTOMATIC = new Set([
  'Japan',
  'South Korea',
  'China',
  'Taiwan',
  'Hong Kong',
  'Singapore',
  'Australia',
  'United Arab Emirates',
  'Qatar',
]);
/** How often travelers book each class: fleets hold many compacts and SUVs, few convertibles. */
const CLASS_POPULARITY: Record<CarClass, number> = {
  economy: 1.2,
  compact: 1.5,
  standard: 1.1,
  full_size: 1,
  sedan: 0.8,
  hatchback: 1,
  suv: 1.6,
  van: 0.6,
  luxury: 0.5,
  convertible: 0.35,
  pickup: 0.4,
};
const FLEET_SIZE: Partial<Record<CarClass, readonly [number, number]>> = { luxury: [2, 8], convertible: [2, 6] };
const MIN_PER_AIRPORT = 5;

function manualOdds(carClass: CarClass, country: string): number {
  if (NORTH_AMERICA.has(country)) return 0;
  return MANUAL_ODDS[carClass] * (MOSTLY_AUTOMATIC.has(country) ? 0.1 : 1);
}

interface Offer {
  company: RentalCompany;
  model: CarModel;
}

function carAt(airport: NetworkAirport, city: City, offer: Offer, year: number, rng: Rng): CarRow {
  const { company, model } = offer;
  const northAmerica = NORTH_AMERICA.has(airport.country);
  const age = rng.weighted([0, 1, 2], [2, 2, 1]);
  const [minUnits, maxUnits] = FLEET_SIZE[model.carClass] ?? [3, 40];
  const usd = CLASS_DAILY_USD[model.carClass] * company.priceFactor * city.priceLevel ** 0.6 * (1 - age * 0.03);
  return {
    company: company.name,
    locationCode: airport.code,
    city: city.name,
    carClass: model.carClass,
    model: model.model,
    year: year - age,
    transmission: rng.chance(manualOdds(model.carClass, airport.country)) ? 'manual' : 'automatic',
    seats: model.seats,
    units: rng.int(minUnits, maxUnits),
    dailyPriceMinor: Math.max(15, Math.round(usd * rng.between(0.9, 1.15))) * 100,
    policies: carPolicies({ company, carClass: model.carClass, northAmerica, rng }),
  };
}

/**
 * Cars at every airport of the scale, busier airports getting more. Each airport's offers are distinct
 * (company, model) pairs drawn by the company's share and the class's popularity, repeated only when a big
 * airport has more cars than there are pairs.
 */
export function* generateCars(scale: InventoryScale, seed: number, startDate: string): Generator<CarRow> {
  const airports = networkAirports(scale.airports);
  const cityOf = new Map(citiesOf(airports).flatMap((city) => city.airports.map((a) => [a.code, city] as const)));
  const floor = Math.min(MIN_PER_AIRPORT, Math.floor(scale.cars / Math.max(airports.length, 1)));
  const counts = shareOut(
    scale.cars - floor * airports.length,
    airports.map((a) => a.weight ** 0.7),
  );
  const year = Number(startDate.slice(0, 4));
  for (const [i, airport] of airports.entries()) {
    const rng = rngFor(seed, 'cars', airport.code);
    const northAmerica = NORTH_AMERICA.has(airport.country);
    const companies = northAmerica ? NORTH_AMERICAN_COMPANIES : INTERNATIONAL_COMPANIES;
    const models = CAR_MODELS.filter((m) => m.market === 'any' || m.market === (northAmerica ? 'na' : 'intl'));
    // A class's popularity is shared by its models, so that a class with many models does not crowd out the rest.
    const perClass = new Map<CarClass, number>();
    for (const model of models) perClass.set(model.carClass, (perClass.get(model.carClass) ?? 0) + 1);
    const weightOf = (offer: Offer) =>
      (offer.company.share * CLASS_POPULARITY[offer.model.carClass]) / perClass.get(offer.model.carClass)!;
    const offers = companies
      .flatMap((company) => models.map((model) => ({ company, model })))
      .map((offer) => ({ offer, key: rng.next() ** (1 / weightOf(offer)) }))
      .sort((a, b) => b.key - a.key);
    for (let n = 0; n < floor + counts[i]!; n++) {
      yield carAt(airport, cityOf.get(airport.code)!, offers[n % offers.length]!.offer, year, rng);
    }
  }
}
