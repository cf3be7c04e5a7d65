import type { PlaceMatch } from '@tripwise/contracts';
import { METRO_AREAS, allAirports, trafficRank } from '@tripwise/travel-data';

/** What the places route answers: an airport, or a metro area with its airports. */
export type Place = PlaceMatch;

interface Entry {
  place: Place;
  /** Lower-case, accent-free words of the city and name, for prefix and typo matching. */
  words: string[];
  /** Lower is busier: ranks ties. Unranked airports come after every ranked one. */
  rank: number;
}

export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .trim();
}

const UNRANKED = 10_000;

let entries: Entry[] | undefined;

/** Airports and metro areas, built once from travel-data (OpenFlights/OurAirports and the IATA metro codes). */
export function placeEntries(): readonly Entry[] {
  if (entries) return entries;
  const airports: Entry[] = allAirports().map((a) => ({
    place: { code: a.code, kind: 'airport', name: a.name, city: a.city, country: a.country },
    words: normalize(`${a.city} ${a.name}`).split(/\s+/),
    // Among unranked airports, international ones first: they are what people fly to.
    rank: trafficRank(a.code) ?? UNRANKED + (/international/i.test(a.name) ? 0 : 1),
  }));
  const byCode = new Map(airports.map((e) => [e.place.code, e]));
  const metros: Entry[] = METRO_AREAS.map((m) => {
    const first = m.airports.map((code) => byCode.get(code)).find((e) => e !== undefined);
    return {
      place: {
        code: m.code,
        kind: 'metro',
        name: `${m.city} (all airports)`,
        city: m.city,
        country: first?.place.country ?? '',
        airports: m.airports,
      },
      words: normalize(m.city).split(/\s+/),
      // A metro ranks just above its busiest airport.
      rank: Math.min(...m.airports.map((code) => byCode.get(code)?.rank ?? UNRANKED)) - 0.5,
    };
  });
  entries = [...metros, ...airports];
  return entries;
}

let byFirstLetter: Map<string, Entry[]> | undefined;

/** Entries with a word starting with this letter (or digit). */
export function entriesStartingWith(letter: string): readonly Entry[] {
  if (!byFirstLetter) {
    byFirstLetter = new Map();
    for (const entry of placeEntries()) {
      for (const initial of new Set(entry.words.map((w) => w[0]).filter((c): c is string => c !== undefined))) {
        byFirstLetter.set(initial, [...(byFirstLetter.get(initial) ?? []), entry]);
      }
    }
  }
  return byFirstLetter.get(letter) ?? [];
}

export function placeByCode(code: string): Place | undefined {
  return placeEntries().find((e) => e.place.code === code)?.place;
}
