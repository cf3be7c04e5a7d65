import type { IntentRequest } from '@tripwise/contracts';
import { missingSlots, questionFor } from './missing.rules.ts';
import { parseTurn, type ParseOptions } from './parse-turn.ts';
import { emptyCar, emptyFlight, emptyHotel, emptyRequest } from './request.shapes.ts';

export { parseTurn, type ParseOptions } from './parse-turn.ts';

/**
 * The concierge's reading of a whole conversation: the request after each of the traveller's turns, in order.
 * This is the entry point for `POST /api/ai/intent` and the CLI. `start` is where the conversation stands before
 * the first turn (null: nothing said yet).
 */
export function parseConversation(
  turns: readonly string[],
  options: ParseOptions,
  start: IntentRequest | null = null,
): IntentRequest[] {
  const states: IntentRequest[] = [];
  let state = start;
  for (const turn of turns) {
    state = parseTurn(state, turn, options);
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
