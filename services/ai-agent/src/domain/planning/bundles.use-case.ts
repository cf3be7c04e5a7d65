import { randomUUID } from 'node:crypto';
import type { IntentRequest } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { AppError } from '@tripwise/platform/errors';
import { SearchRefused, SearchUnreachable, type SearchApi } from '../../clients/search.client.ts';
import { finishPlan, saveBundles, startPlan } from '../../data/sessions.repository.ts';
import { answerText } from './answer-text.rules.ts';
import { planTrip, SearchUnavailable, UnknownPlace } from './plan-trip.use-case.ts';

/**
 * `POST /api/ai/bundles`: the same planning as a chat, for a structured request, answered in the response. A
 * request with a gap answers the question instead; an unknown place or a search refusal is a 422.
 */
export async function bundlesFor(deps: { db: Db; search: SearchApi }, who: Identity, request: IntentRequest) {
  const id = randomUUID();
  await startPlan(deps.db, { id, sessionId: null, userId: who.userId, request });
  try {
    const outcome = await planTrip(
      deps.search,
      request,
      { avoidRedEyes: false },
      async () => undefined,
      AbortSignal.timeout(15_000),
    );
    if (outcome.kind === 'bundles' || outcome.kind === 'alternatives') {
      await saveBundles(deps.db, id, who.userId, outcome.bundles);
    }
    await finishPlan(deps.db, id, 'done', { kind: outcome.kind });
    if (outcome.kind === 'question') {
      return { planId: id, kind: outcome.kind, question: outcome.question, missing: outcome.missing };
    }
    if (outcome.kind === 'nothing') {
      return { planId: id, kind: outcome.kind, message: outcome.message, unmet: outcome.unmet, bundles: [] };
    }
    const common = {
      planId: id,
      message: answerText(outcome),
      bundles: outcome.bundles,
      incomplete: outcome.incomplete,
    };
    if (outcome.kind === 'alternatives') return { ...common, kind: outcome.kind, unmet: outcome.unmet };
    return { ...common, kind: outcome.kind, found: outcome.found };
  } catch (err) {
    await finishPlan(deps.db, id, 'failed', { error: String(err) });
    if (err instanceof SearchUnavailable || err instanceof SearchUnreachable) {
      throw new AppError('search-unavailable', 503, 'Service unavailable', { detail: err.message });
    }
    if (err instanceof UnknownPlace) {
      throw new AppError('unknown-place', 422, 'Unprocessable content', { detail: err.message });
    }
    if (err instanceof SearchRefused) {
      throw new AppError('search-refused', 422, 'Unprocessable content', {
        detail: err.problem.detail ?? err.message,
        ...(err.problem.errors
          ? {
              errors: err.problem.errors.map((e) => ({
                in: 'body' as const,
                field: `request.${e.field}`,
                message: e.message,
              })),
            }
          : {}),
      });
    }
    throw err;
  }
}
