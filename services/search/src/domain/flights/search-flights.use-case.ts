import { z } from 'zod';
import type { FlightFacets, FlightOption, FlightPair, FlightSearch, FlightSearchPage } from '@tripwise/contracts';
import { notFound } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { airportsNear } from '@tripwise/travel-data';
import { assertNotPast, localDate, resolvePlace, type ResolvedPlace } from '../search/places.rules.ts';
import { findItineraries, type Itinerary } from './build-itineraries.ts';
import { bestScores, facetsOf, matches, sorted, type FlightSort, type ItineraryFilters } from './itinerary-list.ts';
import { itineraryView, pairView } from './itinerary-view.ts';
import type { FlightLegSource } from './leg.ts';

const offsetCursor = z.object({ offset: z.number().int().min(0).max(10_000) });
/** A return must leave at least this long after the outbound lands (same-day round trips). */
const MIN_TURNAROUND_MS = 2 * 3_600_000;
/** Combinations are made from this many of the best outbounds and returns. */
const PAIRING_DEPTH = 60;

/** An airport, city or metro code, widened to the airports within `radiusKm` when asked. */
export function placeWithin(code: string, field: string, radiusKm: number | undefined): ResolvedPlace {
  const place = resolvePlace(code, field);
  if (!radiusKm) return place;
  const airports = [...new Set(place.airports.flatMap((a) => airportsNear(a, radiusKm)))];
  return { ...place, airports };
}

function outboundFilters(q: FlightSearch): ItineraryFilters {
  return {
    maxStops: q.maxStops,
    airlines: q.airlines,
    via: q.via,
    maxLayoverMin: q.maxLayoverMin,
    separateTickets: q.separateTickets,
    departAfter: q.departAfter,
    departBefore: q.departBefore,
    arriveAfter: q.arriveAfter,
    arriveBefore: q.arriveBefore,
    maxDurationMin: q.maxDurationMin,
    refundable: q.refundable,
  };
}

/** The return's windows are its own when given, else the outbound's (a traveler who avoids red-eyes does both ways). */
function returnFilters(q: FlightSearch): ItineraryFilters {
  const own = [q.returnDepartAfter, q.returnDepartBefore, q.returnArriveAfter, q.returnArriveBefore].some(Boolean);
  if (!own) return outboundFilters(q);
  return {
    ...outboundFilters(q),
    departAfter: q.returnDepartAfter,
    departBefore: q.returnDepartBefore,
    arriveAfter: q.returnArriveAfter,
    arriveBefore: q.returnArriveBefore,
  };
}

function page<T>(items: T[], q: FlightSearch, facets: FlightFacets, show: (item: T) => FlightOption | FlightPair) {
  const offset = decodeCursor(offsetCursor, q.cursor)?.offset ?? 0;
  return {
    items: items.slice(offset, offset + q.limit).map(show),
    total: items.length,
    nextCursor: offset + q.limit < items.length ? encodeCursor({ offset: offset + q.limit }) : null,
    facets,
  } as FlightSearchPage;
}

interface Trip {
  from: ResolvedPlace;
  to: ResolvedPlace;
  out: Itinerary[];
  back: Itinerary[];
}

const fits = (outbound: Itinerary, back: Itinerary) => back.departMs >= outbound.arriveMs + MIN_TURNAROUND_MS;

/** A pair's sort key from its two itineraries' (best: their two scores added). */
function pairKey(trip: Trip, sort: FlightSort) {
  const scores = sort === 'best' ? new Map([...bestScores(trip.out), ...bestScores(trip.back)]) : undefined;
  return ([o, r]: [Itinerary, Itinerary]) =>
    sort === 'price'
      ? o.price + r.price
      : sort === 'duration'
        ? o.durationMin + r.durationMin
        : sort === 'departure'
          ? o.departMs
          : scores!.get(o.id)! + scores!.get(r.id)!;
}

function byPairKey(key: (p: [Itinerary, Itinerary]) => number) {
  return (x: [Itinerary, Itinerary], y: [Itinerary, Itinerary]) =>
    key(x) - key(y) ||
    x[0].departMs - y[0].departMs ||
    x[1].departMs - y[1].departMs ||
    (x[0].id + x[1].id < y[0].id + y[1].id ? -1 : 1);
}

/** The cheapest fitting return of each outbound that has one: what a round trip "from" price is. */
function cheapestReturns(out: Itinerary[], back: Itinerary[]): Map<string, Itinerary> {
  const byPrice = [...back].sort((a, b) => a.price - b.price);
  const cheapest = new Map<string, Itinerary>();
  for (const o of out) {
    const r = byPrice.find((b) => fits(o, b));
    if (r) cheapest.set(o.id, r);
  }
  return cheapest;
}

/**
 * Round trips as people book them (see the README): the pairs of `combinations` use each outbound and each return
 * once (never one return glued to every outbound); `outbounds` lists each outbound with its best fitting return, to
 * choose the outbound first; with `outboundId`, every return that fits the chosen outbound. Prices are per person
 * for the whole round trip, and `maxPrice` filters that price.
 */
function roundTrip(trip: Trip, q: FlightSearch) {
  const show = ([o, r]: [Itinerary, Itinerary]) =>
    pairView(itineraryView(o, q.cabin, q.passengers), itineraryView(r, q.cabin, q.passengers), q.passengers);
  const within = ([o, r]: [Itinerary, Itinerary]) => q.maxPrice === undefined || o.price + r.price <= q.maxPrice;
  const key = pairKey(trip, q.sort);
  const backs = trip.back.filter((r) => matches(r, returnFilters(q)));
  if (q.outboundId) {
    const outbound = trip.out.find((o) => o.id === q.outboundId);
    if (!outbound) throw notFound('The outbound itinerary');
    const fitting = trip.back.filter((r) => fits(outbound, r));
    const pairs = backs.filter((r) => fits(outbound, r)).map((r): [Itinerary, Itinerary] => [outbound, r]);
    return page(
      pairs.filter(within).sort(byPairKey(key)),
      q,
      facetsOf(fitting, (r) => outbound.price + r.price),
      show,
    );
  }
  const cheapest = cheapestReturns(trip.out, trip.back);
  const outs = trip.out.filter((o) => cheapest.has(o.id));
  const facets = facetsOf(outs, (o) => o.price + cheapest.get(o.id)!.price);
  const chosenOuts = outs.filter((o) => matches(o, outboundFilters(q)));
  if (q.view === 'outbounds') {
    const pairs = chosenOuts.flatMap((o): [Itinerary, Itinerary][] => {
      const best = backs
        .filter((r) => fits(o, r))
        .map((r): [Itinerary, Itinerary] => [o, r])
        .sort(byPairKey(key))[0];
      return best ? [best] : [];
    });
    return page(pairs.filter(within).sort(byPairKey(key)), q, facets, show);
  }
  const topOut = sorted(chosenOuts, q.sort).slice(0, PAIRING_DEPTH);
  const topBack = sorted(backs, q.sort).slice(0, PAIRING_DEPTH);
  const candidates = topOut.flatMap((o) =>
    topBack.filter((r) => fits(o, r)).map((r): [Itinerary, Itinerary] => [o, r]),
  );
  const usedOut = new Set<string>();
  const usedBack = new Set<string>();
  const pairs: [Itinerary, Itinerary][] = [];
  for (const pair of candidates.filter(within).sort(byPairKey(key))) {
    if (usedOut.has(pair[0].id) || usedBack.has(pair[1].id)) continue;
    usedOut.add(pair[0].id);
    usedBack.add(pair[1].id);
    pairs.push(pair);
  }
  return page(pairs, q, facets, show);
}

/**
 * Flights for a search: one way, a page of itineraries (nonstop and connecting, see build-itineraries.ts) in the
 * order asked for, with facets of the day's itineraries before filters; with a return date, round trips.
 */
export async function searchFlights(source: FlightLegSource, q: FlightSearch, now: Date): Promise<FlightSearchPage> {
  const from = placeWithin(q.origin, 'origin', q.originRadiusKm);
  const to = placeWithin(q.destination, 'destination', q.destinationRadiusKm);
  assertNotPast(q.date, 'date', localDate(now, from.timeZone));
  decodeCursor(offsetCursor, q.cursor);
  const wanted = { cabin: q.cabin, passengers: q.passengers };
  const outAsked = { origins: from.airports, destinations: to.airports, date: q.date, ...wanted };
  if (!q.returnDate) {
    const out = await findItineraries(source, outAsked);
    const chosen = out.filter((it) => matches(it, { ...outboundFilters(q), maxPrice: q.maxPrice }));
    return page(sorted(chosen, q.sort), q, facetsOf(out), (it) => itineraryView(it, q.cabin, q.passengers));
  }
  const [out, back] = await Promise.all([
    findItineraries(source, outAsked),
    findItineraries(source, { origins: to.airports, destinations: from.airports, date: q.returnDate, ...wanted }),
  ]);
  return roundTrip({ from, to, out, back }, q);
}
