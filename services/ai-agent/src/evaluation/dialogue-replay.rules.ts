import type { ConversationTurn } from '../domain/intent/parse-conversation.ts';
import type { EvalTurn } from './eval-turn.reader.ts';

/** One turn of a replayed dialogue, and the labelled lines scored on the state right after it (if any). */
export interface ReplayStep {
  turn: ConversationTurn;
  scored: EvalTurn[];
}

const spoken = (line: string, speaker: 'USER' | 'SYSTEM'): string | null =>
  line.startsWith(`${speaker}: `) ? line.slice(speaker.length + 2) : null;

/**
 * A dialogue as the concierge would have lived it: every user turn the loaded files hold for it, in order (a
 * dialogue that moves from hotels to flights is one conversation), with the system's turn before each as the
 * agent's words. A user turn no file holds (the dataset leaves out turns of other services, and turns that set
 * none of our slots) is taken from the next line's context, so nothing the traveller said is skipped; it is read
 * but not scored.
 */
export function replayOf(lines: readonly EvalTurn[]): ReplayStep[] {
  const byTurn = new Map<number, EvalTurn[]>();
  for (const line of lines) byTurn.set(line.turn, [...(byTurn.get(line.turn) ?? []), line]);
  const steps: ReplayStep[] = [];
  let lastUser = Number.NEGATIVE_INFINITY;
  for (const turn of [...byTurn.keys()].sort((a, b) => a - b)) {
    const group = byTurn.get(turn) ?? [];
    const [first] = group;
    if (first === undefined) continue;
    const [userBefore, agentBefore] = [first.context.at(-2), first.context.at(-1)];
    const missedUser = userBefore === undefined ? null : spoken(userBefore, 'USER');
    if (missedUser !== null && lastUser < turn - 2) steps.push({ turn: missedUser, scored: [] });
    const agent = agentBefore === undefined ? null : spoken(agentBefore, 'SYSTEM');
    if (agent !== null) steps.push({ turn: { agent }, scored: [] });
    steps.push({ turn: first.utterance, scored: group });
    lastUser = turn;
  }
  return steps;
}
