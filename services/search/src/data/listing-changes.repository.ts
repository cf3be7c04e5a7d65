import type { Queryable } from '@tripwise/platform/db';

export interface PendingChangeRow {
  kind: 'hotels' | 'cars';
  listing_id: number;
  owner_id: string | null;
  patch: Record<string, unknown>;
  changed_fields: string[];
  submitted_at: Date;
}

export async function findPendingChange(
  db: Queryable,
  kind: string,
  listingId: number,
): Promise<PendingChangeRow | undefined> {
  const { rows } = await db.query<PendingChangeRow>(
    'SELECT * FROM listing_changes WHERE kind = $1 AND listing_id = $2',
    [kind, listingId],
  );
  return rows[0];
}

/** Keeps the latest proposal; it is reviewed from when it was first submitted (its place in the queue). */
export async function savePendingChange(
  tx: Queryable,
  change: Omit<PendingChangeRow, 'submitted_at'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO listing_changes (kind, listing_id, owner_id, patch, changed_fields) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind, listing_id) DO UPDATE SET patch = excluded.patch, changed_fields = excluded.changed_fields`,
    [change.kind, change.listing_id, change.owner_id, JSON.stringify(change.patch), change.changed_fields],
  );
}

export async function deletePendingChange(tx: Queryable, kind: string, listingId: number): Promise<void> {
  await tx.query('DELETE FROM listing_changes WHERE kind = $1 AND listing_id = $2', [kind, listingId]);
}

export interface QueueEntry {
  kind: 'hotels' | 'cars';
  id: number;
  type: 'new' | 'change';
  submitted_at: Date;
  submitted_text: string;
  owner_id: string | null;
}

export interface QueueQuery {
  kind?: 'hotels' | 'cars' | undefined;
  type?: 'new' | 'change' | undefined;
  order: 'asc' | 'desc';
  limit: number;
  after?: { at: string; kind: string; id: number } | undefined;
}

function queueSource(query: Pick<QueueQuery, 'kind' | 'type'>): string {
  const parts: string[] = [];
  for (const kind of ['hotels', 'cars'] as const) {
    if (query.kind && query.kind !== kind) continue;
    if (query.type !== 'change') {
      parts.push(`SELECT '${kind}' AS kind, id, 'new' AS type, updated_at AS submitted_at, owner_id
                  FROM ${kind} WHERE status = 'pending'`);
    }
    if (query.type !== 'new') {
      parts.push(`SELECT kind, listing_id AS id, 'change' AS type, submitted_at, owner_id
                  FROM listing_changes WHERE kind = '${kind}'`);
    }
  }
  return parts.join(' UNION ALL ');
}

/** New listings and changes waiting for review, oldest first unless asked otherwise. */
export async function reviewQueue(db: Queryable, query: QueueQuery): Promise<QueueEntry[]> {
  const values: unknown[] = [];
  let where = '';
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.after) {
    values.push(query.after.at, query.after.kind, query.after.id);
    where = `WHERE (submitted_at, kind, id) ${query.order === 'asc' ? '>' : '<'} ($1::timestamptz, $2::text, $3::bigint)`;
  }
  values.push(query.limit + 1);
  const { rows } = await db.query<QueueEntry>(
    `SELECT q.*, submitted_at::text AS submitted_text FROM (${queueSource(query)}) q ${where}
     ORDER BY submitted_at ${dir}, kind ${dir}, id ${dir} LIMIT $${values.length}`,
    values,
  );
  return rows;
}

export async function countQueue(db: Queryable, query: Pick<QueueQuery, 'kind' | 'type'>): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${queueSource(query)}) q`);
  return rows[0]?.n ?? 0;
}

/** Changes waiting for review, of one owner's listings or of all. */
export async function countPendingChanges(db: Queryable, ownerId: string | undefined): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM listing_changes ${ownerId ? 'WHERE owner_id = $1' : ''}`,
    ownerId ? [ownerId] : [],
  );
  return rows[0]?.n ?? 0;
}
