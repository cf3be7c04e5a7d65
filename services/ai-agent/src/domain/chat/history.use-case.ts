import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { conflict, notFound } from '@tripwise/platform/errors';
import {
  countSessions,
  deleteSession,
  findBundle,
  findPlan,
  findSession,
  latestBundles,
  listSessions,
  messagesOf,
} from '../../data/sessions.repository.ts';
import type { JobEvents } from '../jobs/job-events.ts';

/** Each traveler keeps at most this many conversations (all of them listed); deleting one makes room. */
export const MAX_CONVERSATIONS = 50;

/** Before a new conversation: a 409 at the cap, saying how to make room. */
export async function assertRoomForConversation(db: Db, who: Identity): Promise<void> {
  if ((await countSessions(db, who.userId)) >= MAX_CONVERSATIONS) {
    throw conflict(
      'too-many-conversations',
      `You have ${MAX_CONVERSATIONS} conversations: delete one (DELETE /api/ai/sessions/:id) to start another.`,
    );
  }
}

export async function deleteConversation(db: Db, who: Identity, id: string): Promise<void> {
  if (!(await deleteSession(db, id, who.userId))) throw notFound('The conversation');
}

export async function sessionsOf(db: Db, who: Identity) {
  const rows = await listSessions(db, who.userId, MAX_CONVERSATIONS);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

/** A conversation as its traveler sees it again: what was said, what is understood, the latest options. */
export async function sessionOf(db: Db, who: Identity, id: string) {
  const session = await findSession(db, id, who.userId);
  if (!session) throw notFound('The conversation');
  return {
    id: session.id,
    title: session.title,
    request: session.state,
    preferences: session.preferences,
    messages: (await messagesOf(db, id)).map((m) => ({
      role: m.role,
      text: m.text,
      ...m.payload,
      at: m.created_at.toISOString(),
    })),
    bundles: await latestBundles(db, id),
  };
}

/** A job's status and the events after `afterSeq`: the same stream as the socket, for a client polling instead. */
export async function jobOf(db: Db, events: JobEvents, who: Identity, id: string, afterSeq: number) {
  const plan = await findPlan(db, id);
  if (!plan || plan.user_id !== who.userId) throw notFound('The job');
  return { jobId: id, status: plan.status, sessionId: plan.session_id, events: await events.replay(id, afterSeq) };
}

export async function bundleOf(db: Db, who: Identity, id: string) {
  const bundle = await findBundle(db, id, who.userId);
  if (!bundle) throw notFound('The bundle');
  return bundle;
}
