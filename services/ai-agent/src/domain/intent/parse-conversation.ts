import type { IntentRequest } from '@tripwise/contracts';
import { heardNothing, hearAgent, type Heard } from './agent-turn.reader.ts';
import { missingSlots, questionFor } from './missing.rules.ts';
import { readTurn, type ParseOptions } from './parse-turn.ts';
import { emptyCar, emptyFlight, emptyHotel, emptyRequest } from './request.shapes.ts';

export { parseTurn, type ParseOptions } from './parse-turn.ts';

/**
 * One turn of a conversation: a string is the traveller's; `{ agent }` is what the concierge (or any agent) said
 * in between, which tells what a short answer answers ("Where from?" "Boston.") and what "that one" is.
 */
export type ConversationTurn = string | { agent: string };

/**
 * The concierge's reading of a whole conversation: the request after each of the traveller's turns, in order (the
 * agent's turns give context and have no state of their own). This is the entry point for `POST /api/ai/intent`
 * and the CLI. `start` is where the conversation stands before the first turn (null: nothing said yet).
 */
export function parseConversation(
  turns: readonly ConversationTurn[],
  options: ParseOptions,
  start: IntentRequest | null = null,
): IntentRequest[] {
  const states: IntentRequest[] = [];
  let state = start;
  let heard: Heard = heardNothing();
  for (const turn of turns) {
    if (typeof turn !== 'string') {
      heard = hearAgent(heard, turn.agent, state, options);
      continue;
    }
    const read = readTurn(state, turn, options, heard);
    state = read.request;
    heard = read.heard;
    states.push(state);
  }
  return states;
}

export type SearchIntent = 'search_flights' | 'search_hotels' | 'search_cars' | 'plan_trip';

/**
 * A request opened on one kind of search with nothing filled in, as when the traveller starts from the flights
 * tab or has just said "I need a hotel". Its `missing` and `question` ask for the first slots.
 */
export function startRequest(intent: SearchIntent): IntentRequest {
  const request: IntentRequest = {
    ...emptyRequest(),
    intent,
    flight: intent === 'search_flights' || intent === 'plan_trip' ? emptyFlight() : null,
    hotel: intent === 'search_hotels' || intent === 'plan_trip' ? emptyHotel() : null,
    car: intent === 'search_cars' ? emptyCar() : null,
  };
  const missing = missingSlots(request);
  return { ...request, missing, question: questionFor(missing) };
}
