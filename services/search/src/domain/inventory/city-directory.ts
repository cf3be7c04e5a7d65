import { AMERICAS } from './cities-americas.data.ts';
import { ASIA_PACIFIC, EUROPE_AFRICA_MIDDLE_EAST } from './cities-world.data.ts';
import { rngFor } from '@tripwise/travel-data';
import type { NetworkAirport } from '@tripwise/travel-data/network';

/**
 * Where the house number goes: `350 Broadway`, `Friedrichstraße 45`, `Rua Augusta, 45`, `Jalan Thamrin No. 45`,
 * or Tokyo's block numbers before the district, `2-14-7 Ginza`.
 */
export type AddressStyle = 'first' | 'last' | 'comma' | 'no' | 'jp';

export interface Neighborhood {
  name: string;
  latitude: number;
  longitude: number;
  /** How far from its middle hotels scatter (one standard deviation), km. */
  spreadKm: number;
  kind: 'centre' | 'district' | 'airport';
}

export interface City {
  code: string;
  name: string;
  country: string;
  /** Hotel and car prices relative to an average US city. */
  priceLevel: number;
  addressStyle: AddressStyle;
  resort: boolean;
  neighborhoods: Neighborhood[];
  streets: string[];
  /** The busy airports that serve it. */
  airports: NetworkAirport[];
}

const KM_PER_DEGREE = 111.32;
const DISTRICT_RING_KM = [2.5, 7] as const;

function parseTable(table: string) {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', name = '', centre = '', price = '', style = '', resort = '', hoods = '', streets = ''] =
        line.split('|');
      const [latitude = 0, longitude = 0] = centre.split(',').map(Number);
      return {
        code,
        name,
        latitude,
        longitude,
        priceLevel: Number(price),
        addressStyle: style as AddressStyle,
        resort: resort === 'resort',
        neighborhoodNames: hoods.split(';'),
        streets: streets === '-' ? [] : streets.split(';'),
      };
    });
}

const CITY_TABLE = new Map(
  [AMERICAS, EUROPE_AFRICA_MIDDLE_EAST, ASIA_PACIFIC].flatMap(parseTable).map((city) => [city.code, city]),
);

function offset(latitude: number, longitude: number, eastKm: number, northKm: number) {
  const cos = Math.cos((latitude * Math.PI) / 180);
  return { latitude: latitude + northKm / KM_PER_DEGREE, longitude: longitude + eastKm / (KM_PER_DEGREE * cos) };
}

/**
 * Lays the neighbourhoods out around the centre: the first one is the centre itself, the others on a ring
 * around it, and each airport gets its own at the airport. The layout depends on the city only, never the seed.
 */
function layOut(entry: ReturnType<typeof parseTable>[number], airports: NetworkAirport[]): Neighborhood[] {
  const rng = rngFor(0, 'city-layout', entry.code);
  const [centre, ...districts] = entry.neighborhoodNames;
  const ring = districts.map((name, i): Neighborhood => {
    const angle = (2 * Math.PI * i) / districts.length + rng.between(-0.4, 0.4);
    const km = rng.between(...DISTRICT_RING_KM);
    const at = offset(entry.latitude, entry.longitude, km * Math.cos(angle), km * Math.sin(angle));
    return { name, ...at, spreadKm: 1.2, kind: 'district' };
  });
  const near = airports.map((a): Neighborhood => {
    const name = airports.length === 1 ? 'Airport Area' : `${a.code} Airport Area`;
    return { name, latitude: a.latitude, longitude: a.longitude, spreadKm: 1.5, kind: 'airport' };
  });
  const middle = { latitude: entry.latitude, longitude: entry.longitude };
  return [{ name: centre ?? entry.name, ...middle, spreadKm: 1, kind: 'centre' }, ...ring, ...near];
}

/** The cities the airports serve (JFK, LGA and EWR are all New York), in order of their busiest airport. */
export function citiesOf(airports: readonly NetworkAirport[]): City[] {
  const byCode = new Map<string, NetworkAirport[]>();
  for (const airport of airports) byCode.set(airport.cityCode, [...(byCode.get(airport.cityCode) ?? []), airport]);
  return [...byCode].map(([code, served]) => {
    const entry = CITY_TABLE.get(code);
    if (!entry) throw new Error(`no city data for ${code}; add it to cities-*.data.ts`);
    const { neighborhoodNames: _names, latitude: _lat, longitude: _lon, ...rest } = entry;
    return {
      ...rest,
      country: served[0]!.country,
      neighborhoods: layOut(entry, served),
      airports: served,
    };
  });
}
