import type { Queryable } from '@tripwise/platform/db';

/** Cuts a (possibly lazy) stream of rows into arrays of at most `size`, pulling only one batch at a time. */
export function* batches<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Ids taken from a table's identity sequence, so that child rows can point at parents inserted in bulk. */
export async function reserveIds(
  tx: Queryable,
  table: 'flights' | 'hotels',
  count: number,
): Promise<number[]> {
  // nextval (unlike reading the sequence and jumping it) hands out ids no concurrent insert can also receive.
  const { rows } = await tx.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2::int)`,
    [table, count],
  );
  return rows.map((row) => row.id);
}
