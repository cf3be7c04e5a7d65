import type { Queryable } from '@tripwise/platform/db';

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
