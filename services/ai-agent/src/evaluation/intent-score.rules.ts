import type { IntentRequest } from '@tripwise/contracts';
import {
  parseConversation,
  parseTurn,
  startRequest,
  type ConversationTurn,
  type ParseOptions,
} from '../domain/intent/parse-conversation.ts';
import type { EvalTurn } from './eval-turn.reader.ts';
import { replayOf } from './dialogue-replay.rules.ts';
import { findPlaces } from '../domain/intent/places.rules.ts';
import { normalizeUtterance } from '../domain/intent/text.rules.ts';
import { sameValue, SGD_SLOTS, toSgdState, type SgdDomain, type SgdState } from './sgd-slots.mapping.ts';

export { readEvalLine, type EvalTurn } from './eval-turn.reader.ts';

/** Whoever reads the turns: the rules, or an LLM with the rules behind it. */
export interface IntentReader {
  /** The request after one message read alone: with nothing before it, or from a search just opened (a tab). */
  single(utterance: string, start?: IntentRequest): Promise<IntentRequest>;
  /** The request after each traveller turn of a conversation (agent turns give context, no state). */
  conversation(turns: readonly ConversationTurn[]): Promise<IntentRequest[]>;
}

/** The rule-based parser as a reader. */
export function rulesReader(options: ParseOptions): IntentReader {
  return {
    single: async (utterance, start) => parseTurn(start ?? null, utterance, options),
    conversation: async (turns) => parseConversation(turns, options),
  };
}

export interface Tally {
  correct: number;
  total: number;
}

export interface Failure {
  id: string;
  utterance: string;
  /** The agent's words just before, for dialogue turns. */
  agentBefore: string | null;
  /** False when a labelled city is named nowhere in the dialogue as replayed. */
  placesNamed: boolean;
  expected: SgdState;
  actual: SgdState;
}

/**
 * Slots that name one result the system offered — a hotel by name, a car's pick-up counter — which the request has
 * no place for: it describes what to search, and the concierge keeps the option picked with its bundles instead.
 * The headline figures leave them out; the "all slots" figures count them (they are never produced, so every state
 * that has one is counted wrong).
 */
export const UNMODELLED_SLOTS: ReadonlySet<string> = new Set(['hotel_name', 'pickup_location']);

export interface DomainScore {
  domain: SgdDomain;
  lines: number;
  /** Self-contained turns, each read alone with no kind of travel given: as `POST /api/ai/intent` meets a message. */
  selfContained: Tally;
  selfContainedAllSlots: Tally;
  /** The same turns read from a search of their domain just opened, as typed in that search's tab. */
  selfContainedInSearch: Tally;
  /** Every turn of every dialogue, scored on the state right after it, the dialogue replayed turn by turn. */
  dialogueTurns: Tally;
  dialogueTurnsAllSlots: Tally;
  /** Dialogues with every one of their turns right. */
  dialogues: Tally;
  /**
   * The dialogue turns whose labelled places (city, origin, destination) are all named somewhere in the text the
   * replay has up to that turn: the dataset leaves out other services' turns, where a later "there" got its city.
   */
  dialogueTurnsNamed: Tally;
  slotsSelfContained: Record<string, Tally>;
  slotsDialogue: Record<string, Tally>;
  selfContainedFailures: Failure[];
  dialogueFailures: Failure[];
}

const modelled = (state: SgdState): SgdState =>
  Object.fromEntries(Object.entries(state).filter(([slot]) => !UNMODELLED_SLOTS.has(slot)));

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

const SEARCH_OF = { flights: 'search_flights', hotels: 'search_hotels', cars: 'search_cars' } as const;
const tally = (): Tally => ({ correct: 0, total: 0 });
const count = (target: Tally, ok: boolean): void => {
  target.total += 1;
  target.correct += ok ? 1 : 0;
};
const slotTallies = (domain: SgdDomain): Record<string, Tally> =>
  Object.fromEntries(SGD_SLOTS[domain].map((slot) => [slot, tally()]));

function emptyScore(domain: SgdDomain, lines: number): DomainScore {
  return {
    domain,
    lines,
    selfContained: tally(),
    selfContainedAllSlots: tally(),
    selfContainedInSearch: tally(),
    dialogueTurns: tally(),
    dialogueTurnsAllSlots: tally(),
    dialogues: tally(),
    dialogueTurnsNamed: tally(),
    slotsSelfContained: slotTallies(domain),
    slotsDialogue: slotTallies(domain),
    selfContainedFailures: [],
    dialogueFailures: [],
  };
}

/**
 * Scores a reader on labelled turns, per domain: self-contained turns read alone, and whole dialogues replayed
 * turn by turn with the system's turns as context (see `replayOf`). A dialogue that spans several domains is
 * replayed once, and each of its turns is scored in its own domain.
 */
export async function scoreTurns(turns: readonly EvalTurn[], reader: IntentReader): Promise<DomainScore[]> {
  const order: SgdDomain[] = ['flights', 'hotels', 'cars'];
  const domains = order.filter((domain) => turns.some((turn) => turn.domain === domain));
  const scores = new Map(
    domains.map((domain) => [domain, emptyScore(domain, turns.filter((turn) => turn.domain === domain).length)]),
  );
  const scoreOf = (domain: SgdDomain): DomainScore => scores.get(domain) ?? emptyScore(domain, 0);

  for (const turn of turns.filter((candidate) => candidate.selfContained)) {
    const score = scoreOf(turn.domain);
    const actual = toSgdState(await reader.single(turn.utterance), turn.domain);
    const ok = sameState(modelled(turn.gold), actual);
    count(score.selfContained, ok);
    count(score.selfContainedAllSlots, sameState(turn.gold, actual));
    tallySlots(score.slotsSelfContained, turn.gold, actual);
    if (!ok) score.selfContainedFailures.push({ ...failureOf(turn, null), placesNamed: true, actual });
    const inSearch = toSgdState(await reader.single(turn.utterance, startRequest(SEARCH_OF[turn.domain])), turn.domain);
    count(score.selfContainedInSearch, sameState(modelled(turn.gold), inSearch));
  }

  const dialogues = new Map<string, EvalTurn[]>();
  for (const turn of turns) dialogues.set(turn.dialogue, [...(dialogues.get(turn.dialogue) ?? []), turn]);
  for (const lines of dialogues.values()) {
    const steps = replayOf(lines);
    const states = await reader.conversation(steps.map((step) => step.turn));
    const right = new Map<SgdDomain, boolean>();
    const named = new Set<string>();
    let index = 0;
    let agentBefore: string | null = null;
    for (const step of steps) {
      for (const city of citiesNamed(typeof step.turn === 'string' ? step.turn : step.turn.agent)) named.add(city);
      if (typeof step.turn !== 'string') {
        agentBefore = step.turn.agent;
        continue;
      }
      const state = states[index];
      index += 1;
      for (const line of step.scored) {
        const score = scoreOf(line.domain);
        const actual = state ? toSgdState(state, line.domain) : {};
        const ok = sameState(modelled(line.gold), actual);
        count(score.dialogueTurns, ok);
        count(score.dialogueTurnsAllSlots, sameState(line.gold, actual));
        tallySlots(score.slotsDialogue, line.gold, actual);
        right.set(line.domain, (right.get(line.domain) ?? true) && ok);
        const placesNamed = placesOf(line.gold).every((city) => named.has(loosely(city)));
        if (placesNamed) count(score.dialogueTurnsNamed, ok);
        if (!ok) score.dialogueFailures.push({ ...failureOf(line, agentBefore), placesNamed, actual });
      }
      agentBefore = null;
    }
    for (const [domain, ok] of right) count(scoreOf(domain).dialogues, ok);
  }
  return domains.map(scoreOf);
}

const PLACE_SLOTS = ['city', 'origin', 'destination', 'pickup_city'];
const placesOf = (state: SgdState): string[] =>
  PLACE_SLOTS.flatMap((slot) => (state[slot] === undefined ? [] : [state[slot]]));
const loosely = (city: string): string => city.toLowerCase().replace(/[^a-z]/g, '');

// Every city the gazetteer finds in a text, in any letter case.
function citiesNamed(text: string): string[] {
  const normalized = normalizeUtterance(text);
  return [...findPlaces(normalized), ...findPlaces(normalized.toLowerCase())].map((m) => loosely(m.place.city));
}

function failureOf(turn: EvalTurn, agentBefore: string | null): Omit<Failure, 'actual' | 'placesNamed'> {
  return { id: turn.id, utterance: turn.utterance, agentBefore, expected: turn.gold };
}
