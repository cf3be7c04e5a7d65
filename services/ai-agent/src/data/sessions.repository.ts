import type { IntentRequest } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import type { Bundle } from '../domain/planning/bundle.types.ts';
import type { Preferences } from '../domain/planning/plan-trip.use-case.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  state: IntentRequest | null;
  preferences: Preferences;
  time_zone: string;
  title: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * A traveler's message opens a turn: the session (new, or theirs), the message and the plan that answers it, in one
 * statement, so a turn is recorded whole or not at all and costs one round trip before its job starts. Undefined
 * when the session given is not this user's.
 */
export async function openTurn(
  db: Queryable,
  turn: { userId: string; sessionId?: string | undefined; timeZone: string; message: string; planId: string },
): Promise<SessionRow | undefined> {
  const session = turn.sessionId
    ? { sql: 'SELECT * FROM agent_sessions WHERE id = $4 AND user_id = $1', params: [turn.sessionId] }
    : {
        sql: `INSERT INTO agent_sessions (user_id, time_zone, title, preferences)
              VALUES ($1, $4, $5, '{"avoidRedEyes": false}') RETURNING *`,
        params: [turn.timeZone, turn.message.slice(0, 80)],
      };
  const { rows } = await db.query<SessionRow>(
    `WITH s AS (${session.sql}),
     m AS (INSERT INTO agent_messages (session_id, role, text) SELECT id, 'traveler', $2 FROM s),
     p AS (INSERT INTO agent_plans (id, session_id, user_id, status) SELECT $3, id, user_id, 'running' FROM s)
     SELECT * FROM s`,
    [turn.userId, turn.message, turn.planId, ...session.params],
  );
  return rows[0];
}

/** How many conversations a traveler has (they are capped). */
export async function countSessions(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agent_sessions WHERE user_id = $1', [userId]);
  return rows[0]?.n ?? 0;
}

/** Deletes a conversation with its messages, plans and options; false when it is not this user's. */
export async function deleteSession(db: Queryable, id: string, userId: string): Promise<boolean> {
  return (await db.query('DELETE FROM agent_sessions WHERE id = $1 AND user_id = $2', [id, userId])).rowCount > 0;
}

/** The session, only if it is this user's. */
export async function findSession(db: Queryable, id: string, userId: string): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>('SELECT * FROM agent_sessions WHERE id = $1 AND user_id = $2', [id, userId]);
  return rows[0];
}

export async function saveSessionState(db: Queryable, id: string, state: IntentRequest, preferences: Preferences, timeZone: string) {
  await db.query(
    `UPDATE agent_sessions SET state = $2, preferences = $3, time_zone = $4, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(state), JSON.stringify(preferences), timeZone],
  );
}

export async function listSessions(db: Queryable, userId: string, limit: number) {
  const { rows } = await db.query<{ id: string; title: string | null; created_at: Date; updated_at: Date }>(
    `SELECT id, title, created_at, updated_at FROM agent_sessions WHERE user_id = $1 ORDER BY updated_at DESC LIMIT $2`,
    [userId, limit],
  );
  return rows;
}

export async function addMessage(db: Queryable, sessionId: string, role: 'traveler' | 'agent', text: string, payload: Record<string, unknown> = {}) {
  await db.query('INSERT INTO agent_messages (session_id, role, text, payload) VALUES ($1, $2, $3, $4)', [
    sessionId,
    role,
    text,
    JSON.stringify(payload),
  ]);
}

export async function messagesOf(db: Queryable, sessionId: string) {
  const { rows } = await db.query<{ role: string; text: string; payload: Record<string, unknown>; created_at: Date }>(
    'SELECT role, text, payload, created_at FROM agent_messages WHERE session_id = $1 ORDER BY id',
    [sessionId],
  );
  return rows;
}

export async function startPlan(db: Queryable, plan: { id: string; sessionId: string | null; userId: string; request: IntentRequest | null }) {
  await db.query(`INSERT INTO agent_plans (id, session_id, user_id, request, status) VALUES ($1, $2, $3, $4, 'running')`, [
    plan.id,
    plan.sessionId,
    plan.userId,
    plan.request === null ? null : JSON.stringify(plan.request),
  ]);
}

/** Records how a plan ended, once: a plan that already ended (say, failed by another instance) stays as it was. */
export async function finishPlan(
  db: Queryable,
  id: string,
  status: 'done' | 'failed' | 'cancelled',
  outcome: Record<string, unknown>,
  request?: IntentRequest,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE agent_plans SET status = $2, outcome = $3, request = coalesce($4, request), finished_at = now()
     WHERE id = $1 AND status = 'running'`,
    [id, status, JSON.stringify(outcome), request ? JSON.stringify(request) : null],
  );
  return rowCount > 0;
}

export async function findPlan(db: Queryable, id: string) {
  const { rows } = await db.query<{
    id: string;
    session_id: string | null;
    user_id: string;
    status: string;
    outcome: Record<string, unknown> | null;
  }>('SELECT id, session_id, user_id, status, outcome FROM agent_plans WHERE id = $1', [id]);
  return rows[0];
}

/** A plan's bundles, ranked as given, and the agent's message presenting them when there is one: one statement. */
export async function saveBundles(
  db: Queryable,
  planId: string,
  userId: string,
  bundles: Bundle[],
  message?: { sessionId: string; text: string; payload: Record<string, unknown> },
) {
  await db.query(
    `WITH b AS (
       INSERT INTO agent_bundles (id, plan_id, user_id, rank, label, data)
       SELECT (x->>'id')::uuid, $1, $2, t.ord - 1, x->>'label', x FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY t(x, ord))
     INSERT INTO agent_messages (session_id, role, text, payload) SELECT $4, 'agent', $5, $6 WHERE $4::uuid IS NOT NULL`,
    [planId, userId, JSON.stringify(bundles), message?.sessionId ?? null, message?.text ?? null, JSON.stringify(message?.payload ?? {})],
  );
}

/** The bundles of the session's latest plan that produced some, best first. */
export async function latestBundles(db: Queryable, sessionId: string): Promise<Bundle[]> {
  const { rows } = await db.query<{ data: Bundle }>(
    `SELECT b.data FROM agent_bundles b
     WHERE b.plan_id = (SELECT p.id FROM agent_plans p WHERE p.session_id = $1 AND EXISTS (SELECT 1 FROM agent_bundles x WHERE x.plan_id = p.id)
                        ORDER BY p.created_at DESC LIMIT 1)
     ORDER BY b.rank`,
    [sessionId],
  );
  return rows.map((r) => r.data);
}

export async function findBundle(db: Queryable, id: string, userId: string): Promise<Bundle | undefined> {
  const { rows } = await db.query<{ data: Bundle }>('SELECT data FROM agent_bundles WHERE id = $1 AND user_id = $2', [id, userId]);
  return rows[0]?.data;
}
