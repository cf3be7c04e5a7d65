import type { Queryable } from '@tripwise/platform/db';
import type { ListingKind, ListingStatus } from './listings.repository.ts';

export type ListingSort = 'updatedAt' | 'createdAt' | 'name' | 'city' | 'price';

export interface ListingFilters {
  ownerId?: string | undefined;
  statuses?: ListingStatus[] | undefined;
  /** Words of the name (hotels), company or model (cars), flight number (flights). */
  q?: string | undefined;
  /** A city code or a city name. */
  city?: string | undefined;
}

export interface ListingPageQuery extends ListingFilters {
  sort: ListingSort;
  order: 'asc' | 'desc';
  limit: number;
  /** The sort value (as text) and id of the last row of the previous page. */
  after?: { value: string; id: number } | undefined;
}

// Accents folded on both sides, so "zurich" finds "Zürich" and "skoda" "Škoda" (plain SQL: no extension needed).
const FOLDS: [string, string][] = [
  ['áàâäãåāăą', 'a'],
  ['çćč', 'c'],
  ['ďđ', 'd'],
  ['éèêëēėęě', 'e'],
  ['ğ', 'g'],
  ['íìîïīı', 'i'],
  ['ł', 'l'],
  ['ñńň', 'n'],
  ['óòôöõøōő', 'o'],
  ['řŕ', 'r'],
  ['śšşș', 's'],
  ['ťţț', 't'],
  ['úùûüūůű', 'u'],
  ['ýÿ', 'y'],
  ['źżž', 'z'],
];
const ACCENTED = FOLDS.map(([from]) => from).join('');
const PLAIN = FOLDS.map(([from, to]) => to.repeat([...from].length)).join('');
const fold = (sql: string) => `translate(lower(${sql}), '${ACCENTED}', '${PLAIN}')`;
export const foldText = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[%_\\]/g, (c) => `\\${c}`);

interface KindSql {
  table: string;
  name: string;
  cityCode: string;
  cityName: string;
  price: string;
  createdAt: string;
}

const SQL: Record<ListingKind, KindSql> = {
  hotels: {
    table: 'hotels',
    name: 't.name',
    cityCode: 't.city_code',
    cityName: 't.city',
    price: 'coalesce((SELECT min(nightly_price_minor) FROM room_types r WHERE r.hotel_id = t.id), 0)',
    createdAt: 't.created_at',
  },
  cars: {
    table: 'cars',
    name: "t.company || ' ' || t.model",
    cityCode: 't.location_code',
    cityName: 't.city',
    price: 't.daily_price_minor',
    createdAt: 't.created_at',
  },
  flights: {
    table: 'flights',
    name: 't.airline || t.flight_number',
    cityCode: 't.origin',
    cityName: 't.origin',
    price: 'coalesce((SELECT min(price_minor) FROM flight_cabins c WHERE c.flight_id = t.id), 0)',
    createdAt: 't.created_at',
  },
};

/** The sort key as SQL, and the type its text form is read back as (for the page cursor). */
function sortKey(kind: ListingKind, sort: ListingSort): { expr: string; type: string } {
  const k = SQL[kind];
  switch (sort) {
    case 'updatedAt':
      return { expr: 't.updated_at', type: 'timestamptz' };
    case 'createdAt':
      return { expr: k.createdAt, type: 'timestamptz' };
    case 'name':
      return { expr: `lower(${k.name})`, type: 'text' };
    case 'city':
      return { expr: `lower(${k.cityName})`, type: 'text' };
    case 'price':
      return { expr: k.price, type: 'bigint' };
  }
}

function whereOf(kind: ListingKind, filters: ListingFilters, values: unknown[]): string[] {
  const k = SQL[kind];
  const where: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filters.ownerId) where.push(`t.owner_id = ${param(filters.ownerId)}`);
  if (filters.statuses?.length) where.push(`t.status = ANY(${param(filters.statuses)}::text[]::listing_status[])`);
  if (filters.q) {
    const flightQ = kind === 'flights' ? filters.q.replace(/\s+/g, '') : filters.q;
    where.push(`${fold(k.name)} LIKE ${param(`%${foldText(flightQ)}%`)}`);
  }
  if (filters.city) {
    const city = filters.city.trim();
    where.push(
      /^[A-Za-z]{3}$/.test(city)
        ? `(${k.cityCode} = ${param(city.toUpperCase())} OR ${fold(k.cityName)} = ${param(foldText(city))})`
        : `${fold(k.cityName)} LIKE ${param(`${foldText(city)}%`)}`,
    );
  }
  return where;
}

/** A page of listings in the asked order (id breaks ties), one row more than asked to tell whether more follow. */
export async function searchListings(
  db: Queryable,
  kind: ListingKind,
  query: ListingPageQuery,
): Promise<(Record<string, unknown> & { sort_text: string })[]> {
  const values: unknown[] = [];
  const where = whereOf(kind, query, values);
  const key = sortKey(kind, query.sort);
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.after) {
    values.push(query.after.value, query.after.id);
    const cmp = query.order === 'asc' ? '>' : '<';
    where.push(`(${key.expr}, t.id) ${cmp} ($${values.length - 1}::${key.type}, $${values.length}::bigint)`);
  }
  values.push(query.limit + 1);
  const { rows } = await db.query<Record<string, unknown> & { sort_text: string }>(
    `SELECT t.*, (${key.expr})::text AS sort_text FROM ${SQL[kind].table} t
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${key.expr} ${dir}, t.id ${dir} LIMIT $${values.length}`,
    values,
  );
  return rows;
}

/** How many listings match, exact up to `cap` (counting further would cost more than the number is worth). */
export async function countListings(db: Queryable, kind: ListingKind, filters: ListingFilters, cap: number) {
  const values: unknown[] = [];
  const where = whereOf(kind, filters, values);
  values.push(cap + 1);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${SQL[kind].table} t
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT $${values.length}) c`,
    values,
  );
  return rows[0]?.n ?? 0;
}

/** Listings per status, of one owner or of all. */
export async function countByStatus(
  db: Queryable,
  kind: ListingKind,
  ownerId: string | undefined,
): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT status::text AS status, count(*)::int AS n FROM ${SQL[kind].table}
     ${ownerId ? 'WHERE owner_id = $1' : ''} GROUP BY status`,
    ownerId ? [ownerId] : [],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
