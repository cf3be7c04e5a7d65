export type Row = Record<string, unknown>;

export interface QueryResult<T extends object> {
  rows: T[];
  /** Rows inserted, updated, deleted or returned. */
  rowCount: number;
}

/** What repositories need: parameterised queries ($1, $2, …), nothing vendor-specific. */
export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

/**
 * One interface over embedded PGlite and PostgreSQL. Both return the same JS types: int8 as number, numeric as
 * string, date as `YYYY-MM-DD` (a calendar date must never shift with a time zone), timestamptz as Date, json
 * as parsed values.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** The schema this service owns; every query runs with it first on the search path. */
  readonly schema: string;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Type OIDs we parse the same way on both backends. */
export const TYPE_OIDS = { int8: 20, date: 1082 } as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER`);
  return value;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
