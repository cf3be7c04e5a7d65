import type { IntentRequest } from '@tripwise/contracts';
import { parseConversation, parseTurn, startRequest, type ParseOptions } from '../domain/intent/parse-conversation.ts';
import type { EvalTurn } from './eval-turn.reader.ts';
import { sameValue, SGD_SLOTS, toSgdState, type SgdDomain, type SgdState } from './sgd-slots.mapping.ts';

export { readEvalLine, type EvalTurn } from './eval-turn.reader.ts';

export interface Tally {
  correct: number;
  total: number;
}

export interface Failure {
  id: string;
  utterance: string;
  expected: SgdState;
  actual: SgdState;
}

/** Whole dialogues fed in order: the state after each turn, and dialogues right after every one of their turns. */
export interface ConversationScore {
  turns: Tally;
  dialogues: Tally;
  /** The same two, leaving out the slots our request has no counterpart for (`hotel_name`, `pickup_location`). */
  turnsModelled: Tally;
  dialoguesModelled: Tally;
  slots: Record<string, Tally>;
}

export interface DomainScore {
  domain: SgdDomain;
  turns: number;
  /**
   * Self-contained turns, each read alone with nothing before it: how the CLI and `POST /api/ai/intent` see a single
   * message, so the parser must tell a car rental from a flight or a stay by the words alone. The headline figure.
   */
  selfContained: Tally;
  /** The same turns read from a request already opened on the file's domain, as from that search's tab. */
  selfContainedPrimed: Tally;
  slotsSelfContained: Record<string, Tally>;
  /** Dialogues read from nothing, as the CLI reads them. */
  conversation: ConversationScore;
  /** Dialogues read from a request opened on the file's domain. */
  conversationPrimed: ConversationScore;
  /** Self-contained turns read wrong with nothing before them. */
  failures: Failure[];
}

function sameState(expected: SgdState, actual: SgdState): boolean {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].every((slot) => {
    const [want, got] = [expected[slot], actual[slot]];
    return want !== undefined && got !== undefined ? sameValue(slot, want, got) : want === got;
  });
}

// A slot counts where the label or the parser has it; both empty is not a success worth counting.
function tallySlots(tallies: Record<string, Tally>, expected: SgdState, actual: SgdState): void {
  for (const slot of Object.keys(tallies)) {
    const [want, got] = [expected[slot], actual[slot]];
    if (want === undefined && got === undefined) continue;
    const tally = tallies[slot] ?? { correct: 0, total: 0 };
    tally.total += 1;
    tally.correct += want !== undefined && got !== undefined && sameValue(slot, want, got) ? 1 : 0;
  }
}

// Slots that name a result the system offered, which our request does not hold.
const UNMODELLED = new Set(['hotel_name', 'pickup_location']);
const withoutUnmodelled = (state: SgdState): SgdState =>
  Object.fromEntries(Object.entries(state).filter(([slot]) => !UNMODELLED.has(slot)));

const START = { flights: 'search_flights', hotels: 'search_hotels', cars: 'search_cars' } as const;
const tally = (): Tally => ({ correct: 0, total: 0 });
const count = (target: Tally, ok: boolean): void => {
  target.total += 1;
  target.correct += ok ? 1 : 0;
};
const slotTallies = (domain: SgdDomain): Record<string, Tally> =>
  Object.fromEntries(SGD_SLOTS[domain].map((slot) => [slot, tally()]));

function scoreConversations(
  domain: SgdDomain,
  turns: readonly EvalTurn[],
  options: ParseOptions,
  start: IntentRequest | null,
): ConversationScore {
  const score = { turns: tally(), dialogues: tally(), turnsModelled: tally(), dialoguesModelled: tally() };
  const slots = slotTallies(domain);
  const dialogues = new Map<string, EvalTurn[]>();
  for (const turn of turns) dialogues.set(turn.dialogue, [...(dialogues.get(turn.dialogue) ?? []), turn]);
  for (const dialogue of dialogues.values()) {
    const ordered = [...dialogue].sort((a, b) => a.turn - b.turn);
    const states = parseConversation(
      ordered.map((turn) => turn.utterance),
      options,
      start,
    );
    let [allRight, allModelledRight] = [true, true];
    ordered.forEach((turn, index) => {
      const state = states[index];
      const actual = state ? toSgdState(state, domain) : {};
      const [ok, modelledOk] = [sameState(turn.gold, actual), sameState(withoutUnmodelled(turn.gold), actual)];
      allRight &&= ok;
      allModelledRight &&= modelledOk;
      count(score.turns, ok);
      count(score.turnsModelled, modelledOk);
      tallySlots(slots, turn.gold, actual);
    });
    count(score.dialogues, allRight);
    count(score.dialoguesModelled, allModelledRight);
  }
  return { ...score, slots };
}

/** Scores the parser on one domain's turns: single self-contained requests, and whole dialogues fed in order. */
export function scoreDomain(domain: SgdDomain, turns: readonly EvalTurn[], options: ParseOptions): DomainScore {
  const score: DomainScore = {
    domain,
    turns: turns.length,
    selfContained: tally(),
    selfContainedPrimed: tally(),
    slotsSelfContained: slotTallies(domain),
    conversation: scoreConversations(domain, turns, options, null),
    conversationPrimed: scoreConversations(domain, turns, options, startRequest(START[domain])),
    failures: [],
  };
  for (const turn of turns.filter((candidate) => candidate.selfContained)) {
    const actual = toSgdState(parseTurn(null, turn.utterance, options), domain);
    const ok = sameState(turn.gold, actual);
    count(score.selfContained, ok);
    tallySlots(score.slotsSelfContained, turn.gold, actual);
    if (!ok) score.failures.push({ id: turn.id, utterance: turn.utterance, expected: turn.gold, actual });
    const primed = toSgdState(parseTurn(startRequest(START[domain]), turn.utterance, options), domain);
    count(score.selfContainedPrimed, sameState(turn.gold, primed));
  }
  return score;
}
