import type { IntentRequest } from '@tripwise/contracts';
import { tripPlanOf } from '../src/domain/planning/trip-request.rules.ts';
import { intentRequestSchema } from '@tripwise/contracts';
import {
  parseConversation,
  parseTurn,
  startRequest,
  type SearchIntent,
} from '../src/domain/intent/parse-conversation.ts';

/** Wednesday 15 May 2024, 15:00 UTC: every relative date in these tests is read against it. */
export const NOW = new Date('2024-05-15T15:00:00Z');
export const OPTIONS = { now: NOW, timeZone: 'UTC' };

/** Reads one sentence from a fresh conversation (or one opened on a search) and checks it against the contract. */
export function read(utterance: string, start: SearchIntent | null = null): IntentRequest {
  const state = parseTurn(start ? startRequest(start) : null, utterance, OPTIONS);
  return intentRequestSchema.parse(state);
}

/** Reads a conversation and returns the request after its last turn. */
export function readAll(...turns: string[]): IntentRequest {
  const states = parseConversation(turns, OPTIONS);
  return intentRequestSchema.parse(states.at(-1));
}

/**
 * The days and places the planner searches for a request: a stay or a rental the traveller gave no days of follows
 * the flight there (the request leaves them empty so that they move with it).
 */
export function planned(request: IntentRequest) {
  const plan = tripPlanOf(request);
  if ('missing' in plan) throw new Error(`the request still misses ${plan.missing}`);
  return plan;
}
