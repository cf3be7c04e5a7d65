import type { Queryable } from '@tripwise/platform/db';

export interface ListingEvent {
  kind: string;
  listingId: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  note?: string | null | undefined;
  changedFields?: string[] | null | undefined;
}

/** Written in the transaction of the change it records, so the history never tells of a change rolled back. */
export async function insertListingEvent(tx: Queryable, e: ListingEvent): Promise<void> {
  await tx.query(
    `INSERT INTO listing_events (kind, listing_id, actor_id, actor_role, action, note, changed_fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.kind, e.listingId, e.actorId, e.actorRole, e.action, e.note ?? null, e.changedFields ?? null],
  );
}

export interface ListingEventRow {
  id: number;
  kind: string;
  listing_id: number;
  at: Date;
  actor_id: string | null;
  actor_role: string;
  action: string;
  note: string | null;
  changed_fields: string[] | null;
}

/** Newest first, a page at a time (`beforeId`: the last id of the previous page). */
export async function listingEvents(
  db: Queryable,
  filter: {
    kind?: string | undefined;
    listingId?: number | undefined;
    actorId?: string | undefined;
    adminsOnly?: boolean | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  page: { limit: number; beforeId?: number | undefined },
): Promise<ListingEventRow[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replace('?', `$${values.length}`));
  };
  if (filter.kind) add('kind = ?', filter.kind);
  if (filter.listingId !== undefined) add('listing_id = ?', filter.listingId);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.adminsOnly) where.push(`actor_role = 'admin'`);
  if (filter.from) add('at >= ?::date', filter.from);
  if (filter.to) add(`at < ?::date + 1`, filter.to);
  if (page.beforeId) add('id < ?', page.beforeId);
  values.push(page.limit + 1);
  const { rows } = await db.query<ListingEventRow>(
    `SELECT * FROM listing_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${values.length}`,
    values,
  );
  return rows;
}
