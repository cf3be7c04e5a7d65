import type { Queryable } from '@tripwise/platform/db';
import { batches } from '@tripwise/travel-data';
import type { BookingRow, ItemRow } from './bookings.repository.ts';
import type { IntentRow } from '../payments/card-simulator/card-simulator.repository.ts';

/*
 * Bulk inserts for the booking seed, as `INSERT … SELECT FROM unnest($1::type[], …)` (one parameter per column,
 * however many rows) in batches of BATCH_ROWS. JSON travels serialised (text[] cast to jsonb), instants as ISO
 * strings. The rows are the ones the booking service writes itself, column for column.
 */

/** Rows per INSERT: one parameter per column whatever the count, so the batch is bounded by memory, not by PostgreSQL. */
const BATCH_ROWS = 10_000;

type Json = string;
type Instant = string;

/** A row as the bulk insert takes it: the service's own row type, with JSON serialised and instants as ISO strings. */
type AsInserted<T> = {
  [K in keyof T]-?: T[K] extends Date
    ? Instant
    : T[K] extends Date | null
      ? Instant | null
      : T[K] extends object
        ? Json
        : T[K] extends object | null
          ? Json | null
          : T[K];
};

export type SeedBookingRow = AsInserted<Omit<BookingRow, 'cursor_at'>>;
/** Items are seeded whole: none is cancelled on its own (a cancelled booking is cancelled as a whole). */
export type SeedItemRow = AsInserted<Omit<ItemRow, 'cancel_step' | 'refund_minor' | 'refund_rule' | 'cancelled_at'>> & {
  booking_id: string;
};

export interface SeedPaymentRow {
  id: string;
  booking_id: string;
  kind: 'charge' | 'refund';
  amount_minor: number;
  currency: string;
  status: string;
  created_at: Instant;
}

/**
 * The card processor simulation's record of a captured charge (and what was refunded of it): authorised with
 * capture_method=manual, then captured in full, which is what the booking saga asks of the processor.
 */
export type SeedIntentRow = AsInserted<IntentRow> & { status: 'succeeded'; capture_method: 'manual'; description: string };

export interface SeedSimRefundRow {
  id: string;
  payment_intent: string;
  amount: number;
  status: 'succeeded';
  created_at: Instant;
}

export interface SeedBillingRow {
  kind: 'payment' | 'refund';
  user_id: string;
  booking_id: string;
  booking_type: string;
  billed_at: Instant;
  subtotal_minor: number;
  taxes_minor: number;
  fees_minor: number;
  amount_minor: number;
  currency: string;
  tax_lines: Json;
  fee_lines: Json;
  method: string;
  status: string;
  invoice: Json;
}

/** A listing's sales on a day, as addSales adds them. */
export type SeedSalesRow = AsInserted<
  Pick<ItemRow, 'listing_id' | 'parent_id' | 'owner_id' | 'provider_kind' | 'provider_id' | 'provider_name' | 'title' | 'city'>
> & { day: string; kind: string; bookings: number; units_sold: number; revenue_minor: number };

/** Inserts rows of one table: the columns in order, each with its SQL array type. */
async function insertAll<T>(
  tx: Queryable,
  table: string,
  columns: readonly (readonly [keyof T & string, string])[],
  rows: readonly T[],
  suffix = '',
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
  const select = columns.map(([name, type]) => (type === 'jsonb' ? `u.${name}::jsonb` : `u.${name}`)).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS u(${names}) ${suffix}`;
  for (const batch of batches(rows, BATCH_ROWS)) {
    await tx.query(
      sql,
      columns.map(([name]) => batch.map((row) => row[name])),
    );
  }
}

const BOOKING_COLUMNS = [
  ['id', 'uuid'], ['user_id', 'uuid'], ['status', 'text'], ['step', 'text'], ['kind', 'text'],
  ['idempotency_key', 'text'], ['request_fingerprint', 'text'], ['contact', 'jsonb'], ['subtotal_minor', 'bigint'],
  ['taxes_minor', 'bigint'], ['fees_minor', 'bigint'], ['total_minor', 'bigint'], ['currency', 'text'],
  ['price_lines', 'jsonb'], ['starts_on', 'date'], ['ends_on', 'date'], ['payment_id', 'text'], ['card_brand', 'text'],
  ['card_last4', 'text'], ['billing_name', 'text'], ['billing_address', 'jsonb'], ['outcome', 'jsonb'],
  ['refund_minor', 'bigint'], ['lease_until', 'timestamptz'], ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'], ['cancelled_at', 'timestamptz'],
] as const satisfies readonly (readonly [keyof SeedBookingRow, string])[];

const ITEM_COLUMNS = [
  ['booking_id', 'uuid'], ['position', 'smallint'], ['kind', 'text'], ['listing_id', 'bigint'], ['parent_id', 'bigint'],
  ['owner_id', 'uuid'], ['provider_kind', 'text'], ['provider_id', 'text'], ['provider_name', 'text'],
  ['title', 'text'], ['subtitle', 'text'], ['city', 'text'], ['start_date', 'date'], ['end_date', 'date'],
  ['quantity', 'int'], ['units', 'int'], ['unit_price_minor', 'bigint'], ['subtotal_minor', 'bigint'],
  ['taxes_minor', 'bigint'], ['fees_minor', 'bigint'], ['request', 'jsonb'], ['travelers', 'jsonb'],
  ['policy', 'jsonb'],
] as const satisfies readonly (readonly [keyof SeedItemRow, string])[];

export async function writeBookings(tx: Queryable, bookings: SeedBookingRow[], items: SeedItemRow[]): Promise<void> {
  await insertAll(tx, 'bookings', BOOKING_COLUMNS, bookings);
  await insertAll(tx, 'booking_items', ITEM_COLUMNS, items);
}

/** Our payments, and the processor's side of them (its intents and refunds), so a later refund finds the charge. */
export async function writePayments(
  tx: Queryable,
  payments: SeedPaymentRow[],
  intents: SeedIntentRow[],
  refunds: SeedSimRefundRow[],
): Promise<void> {
  await insertAll(tx, 'payments', [
    ['id', 'text'], ['booking_id', 'uuid'], ['kind', 'text'], ['amount_minor', 'bigint'], ['currency', 'text'],
    ['status', 'text'], ['created_at', 'timestamptz'],
  ], payments);
  await insertAll(tx, 'sim_payment_intents', [
    ['id', 'text'], ['amount', 'bigint'], ['currency', 'text'], ['status', 'text'], ['capture_method', 'text'],
    ['amount_received', 'bigint'], ['amount_refunded', 'bigint'], ['brand', 'text'], ['last4', 'text'],
    ['exp_month', 'int'], ['exp_year', 'int'], ['description', 'text'], ['metadata', 'jsonb'],
    ['created_at', 'timestamptz'],
  ], intents);
  await insertAll(tx, 'sim_refunds', [
    ['id', 'text'], ['payment_intent', 'text'], ['amount', 'bigint'], ['status', 'text'], ['created_at', 'timestamptz'],
  ], refunds);
}

/*
 * Billing records and sales are staged in temporary tables as the chunks go (dropped at commit, or with a rollback),
 * then written at once: the records numbered in the order they were billed, the sales summed per listing and day.
 */
export async function stageSeedMoney(tx: Queryable): Promise<void> {
  await tx.query(`CREATE TEMP TABLE seed_billing ON COMMIT DROP AS
    SELECT kind, user_id, booking_id, booking_type, billed_at, subtotal_minor, taxes_minor, fees_minor, amount_minor,
           currency, tax_lines, fee_lines, method, status, invoice FROM billing_records WITH NO DATA`);
  await tx.query(`CREATE TEMP TABLE seed_sales ON COMMIT DROP AS SELECT * FROM sales_daily WITH NO DATA`);
}

const BILLING_COLUMNS = [
  ['kind', 'text'], ['user_id', 'uuid'], ['booking_id', 'uuid'], ['booking_type', 'text'], ['billed_at', 'timestamptz'],
  ['subtotal_minor', 'bigint'], ['taxes_minor', 'bigint'], ['fees_minor', 'bigint'], ['amount_minor', 'bigint'],
  ['currency', 'text'], ['tax_lines', 'jsonb'], ['fee_lines', 'jsonb'], ['method', 'text'], ['status', 'text'],
  ['invoice', 'jsonb'],
] as const satisfies readonly (readonly [keyof SeedBillingRow, string])[];

const SALES_COLUMNS = [
  ['day', 'date'], ['kind', 'text'], ['listing_id', 'bigint'], ['parent_id', 'bigint'], ['owner_id', 'uuid'],
  ['provider_kind', 'text'], ['provider_id', 'text'], ['provider_name', 'text'], ['title', 'text'], ['city', 'text'],
  ['bookings', 'int'], ['units_sold', 'int'], ['revenue_minor', 'bigint'],
] as const satisfies readonly (readonly [keyof SeedSalesRow, string])[];

export async function stageMoney(tx: Queryable, billing: SeedBillingRow[], sales: SeedSalesRow[]): Promise<void> {
  await insertAll(tx, 'seed_billing', BILLING_COLUMNS, billing);
  await insertAll(tx, 'seed_sales', SALES_COLUMNS, sales);
}

/**
 * The staged billing records, numbered as insertBillingRecord numbers them (TW-YYYYMM-00000001: the month billed,
 * UTC, and the id) with ids from the table's sequence taken in the order they were billed. Returns how many.
 */
export async function writeStagedBilling(tx: Queryable): Promise<number> {
  const columns = BILLING_COLUMNS.map(([name]) => name).join(', ');
  const { rowCount } = await tx.query(
    `INSERT INTO billing_records (id, billing_number, ${columns})
     SELECT n.id, 'TW-' || to_char(n.billed_at AT TIME ZONE 'UTC', 'YYYYMM') || '-' || lpad(n.id::text, 8, '0'), ${columns}
     FROM (SELECT nextval(pg_get_serial_sequence('billing_records', 'id')) AS id, s.*
           FROM (SELECT * FROM seed_billing ORDER BY billed_at, booking_id, kind OFFSET 0) s) n`,
  );
  return rowCount;
}

/** The staged sales, summed per listing and day and added to sales_daily as addSales adds them. */
export async function writeStagedSales(tx: Queryable): Promise<void> {
  await tx.query(
    `INSERT INTO sales_daily (day, kind, listing_id, parent_id, owner_id, provider_kind, provider_id, provider_name,
       title, city, bookings, units_sold, revenue_minor)
     SELECT day, kind, listing_id, min(parent_id), min(owner_id::text)::uuid, min(provider_kind), min(provider_id),
            min(provider_name), min(title), min(city), sum(bookings), sum(units_sold), sum(revenue_minor)
     FROM seed_sales GROUP BY day, kind, listing_id
     ON CONFLICT (day, kind, listing_id) DO UPDATE SET bookings = sales_daily.bookings + EXCLUDED.bookings,
       units_sold = sales_daily.units_sold + EXCLUDED.units_sold,
       revenue_minor = sales_daily.revenue_minor + EXCLUDED.revenue_minor`,
  );
}

/** Fresh statistics for the tables just filled, so that the first queries on them are planned on real numbers. */
export async function analyzeSeededTables(db: Queryable): Promise<void> {
  await db.query(
    'ANALYZE bookings, booking_items, payments, billing_records, sales_daily, sim_payment_intents, sim_refunds',
  );
}
