import { z } from 'zod';
import type { FlightFacets, FlightOption, FlightPair, FlightSearch, FlightSearchPage } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { airlineByCode, airportByCode } from '@tripwise/travel-data';
import {
  flightFacets,
  searchFlightRows,
  type FlightCriteria,
  type FlightRow,
} from '../../data/flight-search.repository.ts';
import type { HeldScopes } from '../cache/held-scopes.ts';
import { dayFlightFacets, dayFlightRows, type DayFlights } from './day-flights.ts';
import { assertNotPast, localDate, localDateTime, resolvePlace, type ResolvedPlace } from './places.rules.ts';

const CURRENCY = 'USD';
const PAIRING_DEPTH = 40;

function toFlight(row: FlightRow, passengers: number, from: ResolvedPlace, to: ResolvedPlace): FlightOption {
  const airport = (code: string) => ({
    code,
    name: airportByCode(code)?.name ?? code,
    city: airportByCode(code)?.city ?? code,
  });
  return {
    id: String(row.id),
    airline: { code: row.airline, name: airlineByCode(row.airline)?.name ?? row.airline },
    flightNumber: row.flight_number,
    origin: airport(row.origin),
    destination: airport(row.destination),
    via: row.via ? airport(row.via) : null,
    stops: row.stops,
    departAt: row.depart_at.toISOString(),
    arriveAt: row.arrive_at.toISOString(),
    departLocal: localDateTime(row.depart_at, from.timeZone),
    arriveLocal: localDateTime(row.arrive_at, to.timeZone),
    durationMin: row.duration_min,
    refundable: row.refundable,
    seatsLeft: row.seats_left,
    price: { amount: row.price_minor, currency: CURRENCY },
    totalPrice: { amount: row.price_minor * passengers, currency: CURRENCY },
  };
}

const keysetCursor = z.object({ key: z.union([z.number(), z.string()]), id: z.number().int() });
const offsetCursor = z.object({ offset: z.number().int().min(0).max(10_000) });

function criteria(q: FlightSearch, from: ResolvedPlace, to: ResolvedPlace, date: string): FlightCriteria {
  return {
    origins: from.airports,
    destinations: to.airports,
    date,
    cabin: q.cabin,
    passengers: q.passengers,
    originTimeZone: from.timeZone,
    destinationTimeZone: to.timeZone,
    maxPricePerPerson: q.maxPrice,
    maxStops: q.maxStops,
    airlines: q.airlines,
    departAfter: q.departAfter,
    departBefore: q.departBefore,
    arriveAfter: q.arriveAfter,
    arriveBefore: q.arriveBefore,
    maxDurationMin: q.maxDurationMin,
    refundable: q.refundable,
    sort: q.sort,
    limit: q.limit,
  };
}

const sortValue = (row: FlightRow, sort: FlightSearch['sort']): number | string =>
  sort === 'best'
    ? row.best
    : sort === 'price'
      ? row.price_minor
      : sort === 'duration'
        ? row.duration_min
        : row.depart_at.toISOString();

/** Where a day's flights are read: the database, or the days held in memory (the cache on). */
interface FlightSource {
  rows(c: FlightCriteria): Promise<FlightRow[]>;
  facets(c: FlightCriteria): Promise<FlightFacets>;
}

function flightSource(db: Queryable, days: HeldScopes<DayFlights> | undefined): FlightSource {
  if (!days) return { rows: (c) => searchFlightRows(db, c), facets: (c) => flightFacets(db, c) };
  // Each day is looked up once per search, though its rows and facets are asked for apart.
  const asked = new Map<string, Promise<DayFlights>>();
  const day = (date: string) => {
    let found = asked.get(date);
    if (!found) asked.set(date, (found = days.get(date)));
    return found;
  };
  return {
    rows: async (c) => dayFlightRows(await day(c.date), c),
    facets: async (c) => dayFlightFacets(await day(c.date), c),
  };
}

/**
 * One-way: a page of flights in the requested order (cursor = the last row's sort key and id). Round trip: the
 * best pairs of an outbound and a return flight, priced together; facets describe the outbound day before filters.
 */
export async function searchFlights(
  db: Queryable,
  q: FlightSearch,
  now: Date,
  days?: HeldScopes<DayFlights>,
): Promise<FlightSearchPage> {
  const flights = flightSource(db, days);
  const from = resolvePlace(q.origin, 'origin');
  const to = resolvePlace(q.destination, 'destination');
  assertNotPast(q.date, 'date', localDate(now, from.timeZone));
  const outbound = criteria(q, from, to, q.date);
  const after = q.returnDate ? undefined : decodeCursor(keysetCursor, q.cursor);
  const offset = q.returnDate ? (decodeCursor(offsetCursor, q.cursor)?.offset ?? 0) : 0;
  // The facets and the flights are independent questions: asked side by side, one round trip instead of two.
  const facetsAsked = flights.facets(outbound);
  if (!q.returnDate) {
    const [facets, rows] = await Promise.all([facetsAsked, flights.rows({ ...outbound, after })]);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toFlight(r, q.passengers, from, to)),
      total: rows[0]?.total ?? 0,
      nextCursor: rows.length > q.limit && last ? encodeCursor({ key: sortValue(last, q.sort), id: last.id }) : null,
      facets,
    };
  }
  const back = { ...criteria(q, to, from, q.returnDate), limit: PAIRING_DEPTH };
  const [facets, goRows, backRows] = await Promise.all([
    facetsAsked,
    flights.rows({ ...outbound, limit: PAIRING_DEPTH }),
    flights.rows(back),
  ]);
  const pairs = pairFlights(goRows.slice(0, PAIRING_DEPTH), backRows.slice(0, PAIRING_DEPTH), q.sort);
  // Only the page's pairs are shown: the others are only counted.
  const items = pairs
    .slice(offset, offset + q.limit)
    .map(([go, ret]) =>
      pairOf(toFlight(go, q.passengers, from, to), toFlight(ret, q.passengers, to, from), q.passengers),
    );
  return {
    items,
    total: pairs.length,
    nextCursor: offset + q.limit < pairs.length ? encodeCursor({ offset: offset + q.limit }) : null,
    facets,
  };
}

function pairOf(outbound: FlightOption, inbound: FlightOption, passengers: number): FlightPair {
  const perPerson = outbound.price.amount + inbound.price.amount;
  return {
    id: `${outbound.id}+${inbound.id}`,
    outbound,
    return: inbound,
    price: { amount: perPerson, currency: CURRENCY },
    totalPrice: { amount: perPerson * passengers, currency: CURRENCY },
    durationMin: outbound.durationMin + inbound.durationMin,
  };
}

function pairFlights(go: FlightRow[], back: FlightRow[], sort: FlightSearch['sort']): [FlightRow, FlightRow][] {
  const pairs: [FlightRow, FlightRow][] = go.flatMap((g) => back.map((b): [FlightRow, FlightRow] => [g, b]));
  const score = ([g, b]: [FlightRow, FlightRow]) =>
    sort === 'price'
      ? g.price_minor + b.price_minor
      : sort === 'duration'
        ? g.duration_min + b.duration_min
        : sort === 'departure'
          ? g.depart_at.getTime()
          : g.best + b.best;
  return pairs.sort((x, y) => score(x) - score(y) || x[0].id - y[0].id || x[1].id - y[1].id);
}
