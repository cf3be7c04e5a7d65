import type { CarFacets, CarPolicies } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';

export type CarSort = 'price' | 'seats' | 'company';

export interface CarCriteria {
  location: string[];
  /** Calendar days the car is out, first and last included. */
  firstDay: string;
  lastDay: string;
  days: number;
  classes?: string[] | undefined;
  companies?: string[] | undefined;
  maxTotal?: number | undefined;
  minSeats?: number | undefined;
  transmission?: string | undefined;
  sort: CarSort;
  limit: number;
  after?: { key: number | string; id: number } | undefined;
}

export interface CarRow {
  id: number;
  company: string;
  location_code: string;
  city: string;
  car_class: string;
  model: string;
  year: number;
  transmission: string;
  seats: number;
  daily_price_minor: number;
  total_minor: number;
  units_left: number;
  policies: CarPolicies;
  total: number;
}

// Cars at the location with at least one unit free on every day of the rental. The codes are compared as char(3),
// the column's own type (compared as text, the location index could not be used), and only these cars' days are
// read, each car's by its key (an aggregate in a LATERAL subquery is never flattened into a join that would read
// the days of every car in the world).
const MATCHED = `
  matched AS (
    SELECT c.id, c.company, c.location_code, c.city, c.car_class, c.model, c.year, c.transmission, c.seats,
           c.daily_price_minor, c.daily_price_minor * $4 AS total_minor, c.units - coalesce(t.taken, 0) AS units_left,
           c.policies
    FROM cars c
    CROSS JOIN LATERAL (
      SELECT max(cd.taken) AS taken FROM car_days cd WHERE cd.car_id = c.id AND cd.day >= $2::date AND cd.day <= $3::date) t
    WHERE c.location_code = ANY($1::bpchar[]) AND c.status = 'active' AND c.units - coalesce(t.taken, 0) >= 1)`;

const SORT: Record<CarSort, { key: string; direction: 'ASC' | 'DESC' }> = {
  price: { key: 'total_minor', direction: 'ASC' },
  seats: { key: 'seats', direction: 'DESC' },
  company: { key: 'company', direction: 'ASC' },
};

export async function searchCarRows(db: Queryable, c: CarCriteria): Promise<CarRow[]> {
  const params: unknown[] = [c.location, c.firstDay, c.lastDay, c.days];
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (c.classes?.length) add((p) => `car_class = ANY(${p}::text[])`, c.classes);
  if (c.companies?.length) add((p) => `lower(company) = ANY(${p}::text[])`, c.companies.map((x) => x.toLowerCase()));
  if (c.maxTotal !== undefined) add((p) => `total_minor <= ${p}`, c.maxTotal);
  if (c.minSeats !== undefined) add((p) => `seats >= ${p}`, c.minSeats);
  if (c.transmission) add((p) => `transmission = ${p}`, c.transmission);
  const { key, direction } = SORT[c.sort];
  let page = '';
  if (c.after) {
    params.push(c.after.key, c.after.id);
    const op = direction === 'ASC' ? '>' : '<';
    page = `WHERE ${key} ${op} $${params.length - 1} OR (${key} = $${params.length - 1} AND id > $${params.length})`;
  }
  params.push(c.limit + 1);
  const { rows } = await db.query<CarRow>(
    `WITH ${MATCHED}, filtered AS (SELECT *, count(*) OVER () AS total FROM matched ${where.length ? `WHERE ${where.join(' AND ')}` : ''})
     SELECT * FROM filtered ${page} ORDER BY ${key} ${direction}, id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function carFacets(db: Queryable, c: CarCriteria): Promise<CarFacets> {
  const { rows } = await db.query<{ facets: CarFacets }>(
    `WITH ${MATCHED}
     SELECT json_build_object(
       'classes', coalesce((SELECT json_agg(x ORDER BY x."minTotal", x."carClass") FROM (
          SELECT car_class AS "carClass", count(*)::int AS count, min(total_minor)::bigint AS "minTotal" FROM matched GROUP BY 1) x), '[]'),
       'companies', coalesce((SELECT json_agg(x ORDER BY x."minTotal", x.company) FROM (
          SELECT company, count(*)::int AS count, min(total_minor)::bigint AS "minTotal" FROM matched GROUP BY 1) x), '[]'),
       'transmissions', coalesce((SELECT json_agg(x ORDER BY x.transmission) FROM (
          SELECT transmission, count(*)::int AS count FROM matched GROUP BY 1) x), '[]'),
       'total', (SELECT json_build_object('min', min(total_minor), 'max', max(total_minor)) FROM matched)
     ) AS facets`,
    [c.location, c.firstDay, c.lastDay, c.days],
  );
  return rows[0]!.facets;
}
