import { isoDaysFromNow } from './booking-helpers.ts';
import { baseUrl } from './browser.ts';

// Helpers for the flight tests: real routes and days looked up through the public API (other tests share the
// inventory, so each test asks for room to spare).

async function getJson<T>(path: string, query: Record<string, string>): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}?${new URLSearchParams(query).toString()}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Itinerary {
  id: string;
  stops: number;
  seatsLeft: number;
  origin: { code: string };
  separateTickets: boolean;
}
interface Page<T> {
  total: number;
  items: T[];
  facets: {
    stops: { stops: number; count: number }[];
    layoverAirports: { code: string; count: number }[];
  };
}

const PAIRS = [
  ['BOS', 'DEN'],
  ['ATL', 'ORD'],
  ['JFK', 'LAX'],
  ['DEN', 'SEA'],
  ['ORD', 'LAX'],
] as const;

/** A round trip whose departing flights and returns are plentiful and roomy. */
export async function findRoundTrip(): Promise<{
  origin: string;
  destination: string;
  date: string;
  returnDate: string;
}> {
  for (let days = 12; days < 45; days += 4) {
    for (const [origin, destination] of PAIRS) {
      const [date, returnDate] = [isoDaysFromNow(days), isoDaysFromNow(days + 4)];
      const page = await getJson<Page<{ outbound: Itinerary; return: Itinerary }>>('/api/search/flights', {
        origin,
        destination,
        date,
        returnDate,
        view: 'outbounds',
        limit: '5',
      });
      if (page.total >= 5 && page.items.every((p) => p.outbound.seatsLeft >= 20 && p.return.seatsLeft >= 20)) {
        return { origin, destination, date, returnDate };
      }
    }
  }
  throw new Error('no roomy round trip found in the demo inventory');
}

/** A one-way day with nonstops and connections, and a connecting airport that several of them use. */
export async function findConnectingDay(): Promise<{ origin: string; destination: string; date: string; via: string }> {
  for (let days = 9; days < 45; days += 5) {
    for (const [origin, destination] of PAIRS) {
      const date = isoDaysFromNow(days);
      const page = await getJson<Page<Itinerary>>('/api/search/flights', { origin, destination, date, limit: '1' });
      const nonstops = page.facets.stops.find((s) => s.stops === 0)?.count ?? 0;
      const connecting = page.facets.stops.filter((s) => s.stops > 0).reduce((n, s) => n + s.count, 0);
      const via = page.facets.layoverAirports.find((a) => a.count >= 3)?.code;
      if (nonstops >= 2 && connecting >= 5 && via) return { origin, destination, date, via };
    }
  }
  throw new Error('no day with both nonstops and connections found in the demo inventory');
}

/**
 * Where a search of `origin` widened by `radiusKm` first finds a flight from another airport, and from which: the
 * test loads pages of results until that flight shows.
 */
export async function firstFromNearby(
  trip: { origin: string; destination: string; date: string },
  radiusKm: number,
): Promise<{ index: number; airport: string }> {
  const page = await getJson<Page<Itinerary>>('/api/search/flights', {
    ...trip,
    originRadiusKm: String(radiusKm),
    sort: 'price',
    limit: '100',
  });
  const index = page.items.findIndex((i) => i.origin.code !== trip.origin);
  if (index < 0) throw new Error(`no flight from an airport near ${trip.origin} in the first 100`);
  return { index, airport: page.items[index]!.origin.code };
}

/** The month to explore: February when its first days are on sale (a trip from the 1st fits), else the next month that is. */
export function februaryOrSoonest(tripNights: number): { month: string; february: boolean } {
  // The demo's flights are on sale 60 days ahead (search's rolling window); a day short of it, to be safe.
  const lastOnSale = isoDaysFromNow(59);
  const today = isoDaysFromNow(0);
  const year = Number(today.slice(0, 4)) + (today.slice(5, 7) > '02' ? 1 : 0);
  const february = `${year}-02`;
  const firstTrip = today > `${february}-01` ? isoDaysFromNow(1) : `${february}-01`;
  const back = new Date(Date.parse(`${firstTrip}T00:00:00Z`) + tripNights * 86_400_000).toISOString().slice(0, 10);
  if (back <= lastOnSale) return { month: february, february: true };
  return { month: isoDaysFromNow(20).slice(0, 7), february: false };
}
