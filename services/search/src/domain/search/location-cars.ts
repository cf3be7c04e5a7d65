import type { CarFacets } from '@tripwise/contracts';
import type { CarCriteria, CarRow, CarSort } from '../../data/car-search.repository.ts';
import type { CarTakenDayRow, LocationCarRow } from '../../data/location-cars.repository.ts';
import { dayNumber } from '@tripwise/travel-data';
import { codePointOrder, countAndLeast, rangeOf } from './facet-groups.ts';

/** A pick-up place's cars as a search sees them, kept in memory (see memory-scopes.ts for when it is read again). */
export interface LocationCars {
  cars: LocationCarRow[];
  /** Cars taken by car id, then by day number; absent: none taken. */
  taken: Map<number, Map<number, number>>;
}

export function locationCarsFrom(rows: { cars: LocationCarRow[]; taken: CarTakenDayRow[] }): LocationCars {
  const taken = new Map<number, Map<number, number>>();
  for (const t of rows.taken) {
    const id = Number(t.car_id);
    let days = taken.get(id);
    if (!days) taken.set(id, (days = new Map<number, number>()));
    days.set(dayNumber(t.day), t.taken);
  }
  return {
    cars: rows.cars.map((c) => ({ ...c, id: Number(c.id), daily_price_minor: Number(c.daily_price_minor) })),
    taken,
  };
}

const SORT: Record<CarSort, { key: (r: Omit<CarRow, 'total'>) => number | string; descending: boolean }> = {
  price: { key: (r) => r.total_minor, descending: false },
  seats: { key: (r) => r.seats, descending: true },
  company: { key: (r) => r.company, descending: false },
};

/**
 * The same page and facets as searchCarRows and carFacets (car-search.repository.ts), from the pick-up places kept
 * in memory: cars with a unit free on every day of the rental, filtered, ordered by the sort key then id.
 */
export function findLocationCars(places: LocationCars[], c: CarCriteria): { rows: CarRow[]; facets: CarFacets } {
  const first = dayNumber(c.firstDay);
  const last = dayNumber(c.lastDay);
  const matched: Omit<CarRow, 'total'>[] = [];
  for (const place of places) {
    for (const car of place.cars) {
      let taken = 0;
      const days = place.taken.get(car.id);
      if (days) for (let d = first; d <= last; d++) taken = Math.max(taken, days.get(d) ?? 0);
      if (car.units - taken < 1) continue;
      const { units: _units, ...shown } = car;
      matched.push({ ...shown, total_minor: car.daily_price_minor * c.days, units_left: car.units - taken });
    }
  }
  const classes = c.classes?.length ? new Set(c.classes) : undefined;
  const companies = c.companies?.length ? new Set(c.companies.map((x) => x.toLowerCase())) : undefined;
  const filtered = matched.filter(
    (r) =>
      (!classes || classes.has(r.car_class)) &&
      (!companies || companies.has(r.company.toLowerCase())) &&
      (c.maxTotal === undefined || r.total_minor <= c.maxTotal) &&
      (c.minSeats === undefined || r.seats >= c.minSeats) &&
      (!c.transmission || r.transmission === c.transmission),
  );
  const { key, descending } = SORT[c.sort];
  const order = descending ? -1 : 1;
  const after = c.after;
  const rows = filtered
    .filter((r) => !after || order * codePointOrder(key(r), after.key) > 0 || (key(r) === after.key && r.id > after.id))
    .sort((x, y) => order * codePointOrder(key(x), key(y)) || x.id - y.id)
    .slice(0, c.limit + 1)
    .map((r): CarRow => ({ ...r, total: filtered.length }));
  return { rows, facets: facetsOf(matched) };
}

function facetsOf(matched: Omit<CarRow, 'total'>[]): CarFacets {
  const total = (r: Omit<CarRow, 'total'>) => r.total_minor;
  return {
    classes: countAndLeast(matched, (r) => r.car_class, total)
      .map(({ key, count, least }) => ({ carClass: key, count, minTotal: least }))
      .sort((x, y) => x.minTotal - y.minTotal || codePointOrder(x.carClass, y.carClass)),
    companies: countAndLeast(matched, (r) => r.company, total)
      .map(({ key, count, least }) => ({ company: key, count, minTotal: least }))
      .sort((x, y) => x.minTotal - y.minTotal || codePointOrder(x.company, y.company)),
    transmissions: countAndLeast(matched, (r) => r.transmission, total)
      .map(({ key, count }) => ({ transmission: key, count }))
      .sort((x, y) => codePointOrder(x.transmission, y.transmission)),
    total: rangeOf(matched.map(total)),
  };
}
