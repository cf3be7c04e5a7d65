import { randomUUID } from 'node:crypto';
import type { ChatRequest } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { SearchRefused, SearchUnreachable, type SearchApi } from '../../clients/search.client.ts';
import {
  addMessage,
  latestBundles,
  openTurn,
  saveBundles,
  saveSessionState,
  type SessionRow,
} from '../../data/sessions.repository.ts';
import { understandTurn } from '../intent/llm/understand-turn.ts';
import type { IntentLlm } from '../intent/llm/intent-llm.ts';
import { PlanError, type JobContext, type JobRunner } from '../jobs/job-runner.ts';
import { planTrip, SearchUnavailable, UnknownPlace, type PlanOutcome } from '../planning/plan-trip.use-case.ts';
import { answerText } from '../planning/answer-text.rules.ts';
import { changesBetween } from '../planning/refine-diff.rules.ts';
import { assertRoomForConversation } from './history.use-case.ts';
import { answerPolicy } from './policy-answers.rules.ts';
import { answerPrice, isPriceQuestion } from './price-answer.ts';
import { updatePreferences } from './preferences.rules.ts';
import { createWatch } from '../market/watches.use-case.ts';

export interface ChatDeps {
  db: Db;
  search: SearchApi;
  jobs: JobRunner;
  /** An LLM that reads turns first (the rules read them when it is absent or fails). */
  intentLlm?: IntentLlm | undefined;
  now?: () => Date;
}

/**
 * A traveler's message: stored, answered by a job whose progress and result stream over the socket. Returns at
 * once with the session (new when none is given) and the job.
 */
export async function chat(
  deps: ChatDeps,
  who: Identity,
  input: ChatRequest,
): Promise<{ sessionId: string; jobId: string }> {
  if (!input.sessionId) await assertRoomForConversation(deps.db, who);
  const jobId = randomUUID();
  const first = { stage: 'understanding', percent: 2, message: 'Reading your message' };
  const turn = openTurn(deps.db, { ...input, userId: who.userId, planId: jobId });
  // Whose conversation it is must be known before anything is said about it; a new one is the traveler's own, so
  // its job starts (and says so) while the turn is being recorded.
  const known = input.sessionId ? await turn : undefined;
  if (input.sessionId && !known) throw notFound('The conversation');
  const recorded = known
    ? Promise.resolve(known)
    : turn.then((session) => {
        if (!session) throw new Error('the new conversation was not recorded');
        return session;
      });
  const [session] = await Promise.all([
    recorded,
    deps.jobs.start(jobId, who.userId, async (ctx) => answer(deps, await recorded, input, ctx), first),
  ]);
  return { sessionId: session.id, jobId };
}

/** Reads the message into the conversation's request, then plans, refines, or answers what was asked. */
async function answer(
  deps: ChatDeps,
  session: SessionRow,
  input: ChatRequest,
  ctx: JobContext,
): Promise<Record<string, unknown>> {
  const progress = (stage: string, percent: number, message: string) => ctx.progress({ stage, percent, message });
  const { request, source } = await understandTurn(
    session.state,
    input.message,
    { now: (deps.now ?? (() => new Date()))(), timeZone: input.timeZone, signal: ctx.signal },
    deps.intentLlm,
  );
  if (source === 'llm') await progress('understanding', 4, 'Understood with the language model');
  const preferences = updatePreferences(session.preferences ?? { avoidRedEyes: false }, input.message);
  await saveSessionState(deps.db, session.id, request, preferences, input.timeZone);
  // A conversation that starts with this message has nothing before it to refine or ask about.
  const previous = input.sessionId ? await latestBundles(deps.db, session.id) : [];

  const reply = async (kind: string, text: string, extra: Record<string, unknown> = {}) => {
    await progress('done', 100, text);
    await addMessage(deps.db, session.id, 'agent', text, { jobId: ctx.jobId, kind });
    return { sessionId: session.id, kind, text, request, ...extra };
  };
  if ((request.intent === 'policy_question' || isPriceQuestion(input.message)) && previous[0]) {
    await progress('understanding', 30, 'Looking at the option you have');
    if (isPriceQuestion(input.message)) {
      const price = await answerPrice(deps.search, previous[0]);
      return reply('answer', price.text, { facts: price.facts, bundleId: previous[0].id });
    }
    const policy = answerPolicy(input.message, previous[0]);
    return reply('answer', policy.text, { quotes: policy.quotes, bundleId: previous[0].id });
  }
  if (request.intent === 'watch_price' && request.watch && (request.watch.priceBelow || request.watch.inventoryBelow)) {
    if (!previous[0]) {
      return reply('question', 'Which trip should I watch? Tell me where and when, and I will find it first.');
    }
    const below = request.watch.priceBelow;
    if (below && below.currency !== 'USD') {
      return reply('question', 'Prices here are in US dollars: what amount in dollars should I watch for?');
    }
    const watch = await createWatch(deps.db, { userId: session.user_id } as Identity, {
      target: { type: 'bundle', bundleId: previous[0].id },
      ...(below ? { priceBelow: { amount: below.amount, currency: 'USD' as const } } : {}),
      ...(request.watch.inventoryBelow ? { inventoryBelow: request.watch.inventoryBelow } : {}),
    });
    const what = below
      ? `drops below $${Math.round(below.amount / 100)}`
      : `is down to fewer than ${request.watch.inventoryBelow} left`;
    return reply('watching', `I will tell you as soon as this trip ${what}.`, {
      watchId: watch.id,
      bundleId: previous[0].id,
    });
  }
  if (request.intent === 'book' && previous[0]) {
    return reply(
      'confirm-booking',
      `Ready to book "${previous[0].label.replace('-', ' ')}" for $${Math.round(previous[0].total.amount / 100)}? Confirm with the travelers' details and a card, and I will place the booking.`,
      { bundleId: previous[0].id },
    );
  }
  let outcome: PlanOutcome;
  try {
    outcome = await planTrip(
      deps.search,
      request,
      preferences,
      (stage, percent, message) => progress(stage, percent, message),
      ctx.signal,
      previous[0],
    );
  } catch (err) {
    if (err instanceof UnknownPlace) throw new PlanError('unknown-place', err.message);
    if (err instanceof SearchUnavailable || err instanceof SearchUnreachable) {
      throw new PlanError('search-unavailable', new SearchUnavailable().message);
    }
    if (err instanceof SearchRefused) {
      throw new PlanError('search-refused', err.problem.errors?.[0]?.message ?? err.message);
    }
    throw err;
  }
  if (outcome.kind === 'question') return reply('question', outcome.question, { missing: outcome.missing });
  if (outcome.kind === 'nothing') return reply('nothing', outcome.message, { unmet: outcome.unmet });
  const changes =
    outcome.kind === 'bundles' && previous[0] && outcome.bundles[0]
      ? changesBetween(previous[0], outcome.bundles[0])
      : null;
  const text = changes ? `Updated: ${changes.join(', ')}.` : answerText(outcome);
  await saveBundles(deps.db, ctx.jobId, session.user_id, outcome.bundles, {
    sessionId: session.id,
    text,
    payload: { jobId: ctx.jobId, kind: outcome.kind },
  });
  return {
    sessionId: session.id,
    kind: outcome.kind,
    text,
    request,
    bundles: outcome.bundles,
    changes,
    incomplete: outcome.incomplete,
    ...(outcome.kind === 'bundles' ? { found: outcome.found } : { unmet: outcome.unmet }),
  };
}
