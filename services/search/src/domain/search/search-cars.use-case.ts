import { z } from 'zod';
import type { CarOption, CarSearch, CarSearchPage } from '@tripwise/contracts';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import type { CarRow, CarSearchEngine } from './car-search.port.ts';
import { assertNotPast, localDate, resolvePlace } from './places.rules.ts';

const CURRENCY = 'USD';
const cursorSchema = z.object({ key: z.union([z.number(), z.string()]), id: z.number().int() });

/** Rental days as rental companies count them: each started 24 hours, at least one. */
export function rentalDays(pickup: string, dropoff: string): number {
  return Math.max(1, Math.ceil((Date.parse(`${dropoff}Z`) - Date.parse(`${pickup}Z`)) / 86_400_000));
}

function toCar(row: CarRow): CarOption {
  return {
    id: String(row.id),
    company: row.company,
    location: { code: row.location_code, city: row.city },
    carClass: row.car_class,
    model: row.model,
    year: row.year,
    transmission: row.transmission,
    seats: row.seats,
    unitsLeft: row.units_left,
    policies: row.policies,
    dailyPrice: { amount: row.daily_price_minor, currency: CURRENCY },
    totalPrice: { amount: row.total_minor, currency: CURRENCY },
  };
}

const sortKey = (row: CarRow, sort: CarSearch['sort']) =>
  sort === 'price' ? row.total_minor : sort === 'seats' ? row.seats : row.company;

/** Cars free on every day of the rental at the pick-up location, filtered, sorted and paged, with facets. */
export async function searchCars(engine: CarSearchEngine, q: CarSearch, now: Date): Promise<CarSearchPage> {
  const place = resolvePlace(q.location, 'location');
  assertNotPast(q.pickupDate, 'pickupDate', localDate(now, place.timeZone));
  const days = rentalDays(`${q.pickupDate}T${q.pickupTime}:00`, `${q.dropoffDate}T${q.dropoffTime}:00`);
  const criteria = {
    location: place.airports,
    firstDay: q.pickupDate,
    lastDay: q.dropoffDate,
    days,
    classes: q.carTypes,
    companies: q.companies,
    maxTotal: q.maxPrice,
    minSeats: q.minSeats,
    transmission: q.transmission,
    sort: q.sort,
    limit: q.limit,
    after: decodeCursor(cursorSchema, q.cursor),
  };
  const { rows, facets } = await engine.find(criteria);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toCar),
    total: rows[0]?.total ?? 0,
    days,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ key: sortKey(last, q.sort), id: last.id }) : null,
    facets,
  };
}
