import { z } from 'zod';
import { domainOfService, goldState, type SgdDomain, type SgdState } from './sgd-slots.mapping.ts';

/** One labelled user turn of the development set. */
export interface EvalTurn {
  id: string;
  dialogue: string;
  turn: number;
  domain: SgdDomain;
  utterance: string;
  /** The turns just before it, oldest first: `USER: …` and `SYSTEM: …` (the dataset keeps the last exchange). */
  context: string[];
  gold: SgdState;
  selfContained: boolean;
}

const lineSchema = z.object({
  id: z.string(),
  utterance: z.string(),
  context: z.array(z.string()).default([]),
  state: z.record(z.string(), z.unknown()),
  self_contained: z.boolean(),
});

/** Reads one JSON line; ids look like `dev:<dialogue>:<turn>:<service>`. Returns null for lines it cannot read. */
export function readEvalLine(line: string): EvalTurn | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = lineSchema.safeParse(json);
  const [, dialogue, turn, service] = parsed.success ? parsed.data.id.split(':') : [];
  const domain = domainOfService(service ?? '');
  if (!parsed.success || dialogue === undefined || domain === null || !Number.isInteger(Number(turn))) {
    return null;
  }
  const { id, utterance, context, state, self_contained: selfContained } = parsed.data;
  return {
    id,
    dialogue,
    turn: Number(turn),
    domain,
    utterance,
    context,
    gold: goldState(state, domain),
    selfContained,
  };
}
