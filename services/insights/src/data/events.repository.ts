import type { DeviceType, InsightEvent, InsightEventType, ListingRef } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';

/** An accepted event with its batch's envelope, as it waits in the buffer. */
export interface EventRow {
  sessionId: string;
  userKey: string | null;
  device: DeviceType;
  event: InsightEvent;
}

const listingOf = (event: InsightEvent): ListingRef | undefined => ('listing' in event ? event.listing : undefined);

/**
 * Writes many events in one statement (one array per column, unnested): a round trip per flush, not per event,
 * which is what lets ingest keep up without weighing on the database other services share.
 */
export async function insertEvents(db: Queryable, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns: unknown[][] = Array.from({ length: 11 }, () => []);
  for (const { sessionId, userKey, device, event } of rows) {
    const listing = listingOf(event);
    const values = [
      new Date(event.at).toISOString(),
      sessionId,
      userKey,
      device,
      event.type,
      event.route,
      event.type === 'click' ? event.element : null,
      event.type === 'section_view' ? event.section : null,
      event.type === 'section_view' ? event.visibleMs : null,
      listing?.kind ?? null,
      listing?.id ?? null,
    ];
    values.forEach((value, i) => columns[i]!.push(value));
  }
  await db.query(
    `INSERT INTO insight_events
       (occurred_at, session_id, user_key, device, type, route, element, section, visible_ms, listing_kind, listing_id)
     SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::integer[], $10::text[], $11::text[])`,
    columns,
  );
}

/** Deletes raw events that happened before `before`; answers how many. */
export async function deleteEventsBefore(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM insight_events WHERE occurred_at < $1`, [before.toISOString()]);
  return rowCount ?? 0;
}

export interface PageStep {
  session_id: string;
  route: string;
}

/** Who to trace: one user's keys, or everyone matching a cohort (profile facts and device). */
export interface TraceSubject {
  userKey?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  signupMonth?: string | undefined;
  device?: DeviceType | undefined;
}

function subjectFilter(subject: TraceSubject, params: unknown[]): string {
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (subject.userKey) where.push(`e.user_key = ${param(subject.userKey)}`);
  if (subject.device) where.push(`e.device = ${param(subject.device)}`);
  const profile: string[] = [];
  if (subject.city) profile.push(`lower(p.city) = lower(${param(subject.city)})`);
  if (subject.state) profile.push(`p.state = ${param(subject.state)}`);
  if (subject.signupMonth) profile.push(`p.signup_month = ${param(subject.signupMonth)}`);
  if (profile.length > 0) {
    where.push(`EXISTS (SELECT 1 FROM insight_profiles p WHERE p.user_key = e.user_key AND ${profile.join(' AND ')})`);
  }
  return where.length > 0 ? `AND ${where.join(' AND ')}` : '';
}

/** The page views of the subject's sessions in [from, to), in order, at most `cap` rows (the flow's input). */
export async function pageStepsOf(
  db: Queryable,
  subject: TraceSubject,
  range: { from: string; to: string },
  cap: number,
): Promise<PageStep[]> {
  const params: unknown[] = [range.from, range.to];
  const filter = subjectFilter(subject, params);
  params.push(cap);
  const { rows } = await db.query<PageStep>(
    `SELECT e.session_id, e.route FROM insight_events e
     WHERE e.type = 'page_view' AND e.occurred_at >= $1::date AND e.occurred_at < $2::date ${filter}
     ORDER BY e.session_id, e.occurred_at, e.id
     LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** How many distinct users the subject's sessions in the range had. */
export async function usersOf(db: Queryable, subject: TraceSubject, range: { from: string; to: string }) {
  const params: unknown[] = [range.from, range.to];
  const filter = subjectFilter(subject, params);
  const { rows } = await db.query<{ users: number }>(
    `SELECT count(DISTINCT e.user_key)::int AS users FROM insight_events e
     WHERE e.occurred_at >= $1::date AND e.occurred_at < $2::date ${filter}`,
    params,
  );
  return rows[0]?.users ?? 0;
}

export interface TimelineRow {
  id: string;
  occurred_at: Date | string;
  session_id: string;
  device: DeviceType;
  type: InsightEventType;
  route: string;
  element: string | null;
  section: string | null;
  visible_ms: number | null;
  listing_kind: ListingRef['kind'] | null;
  listing_id: string | null;
}

/** One user's events in the range, oldest first, after the cursor's (time, id). */
export async function timelineOf(
  db: Queryable,
  userKey: string,
  range: { from: string; to: string },
  page: { limit: number; after?: { at: string; id: string } | undefined },
): Promise<TimelineRow[]> {
  const params: unknown[] = [userKey, range.from, range.to, page.limit];
  let after = '';
  if (page.after) {
    params.push(page.after.at, page.after.id);
    after = 'AND (occurred_at, id) > ($5::timestamptz, $6::bigint)';
  }
  const { rows } = await db.query<TimelineRow>(
    `SELECT id::text, occurred_at, session_id, device, type, route, element, section, visible_ms, listing_kind,
            listing_id
     FROM insight_events
     WHERE user_key = $1 AND occurred_at >= $2::date AND occurred_at < $3::date ${after}
     ORDER BY occurred_at, id LIMIT $4`,
    params,
  );
  return rows;
}

/** User keys seen in recent events that have no cohort facts yet (or stale ones), at most `limit`. */
export async function userKeysWithoutProfile(db: Queryable, since: Date, staleBefore: Date, limit: number) {
  const { rows } = await db.query<{ user_key: string }>(
    `SELECT DISTINCT e.user_key FROM insight_events e
     LEFT JOIN insight_profiles p ON p.user_key = e.user_key
     WHERE e.user_key IS NOT NULL AND e.occurred_at >= $1 AND (p.user_key IS NULL OR p.fetched_at < $2)
     LIMIT $3`,
    [since.toISOString(), staleBefore.toISOString(), limit],
  );
  return rows.map((r) => r.user_key);
}
