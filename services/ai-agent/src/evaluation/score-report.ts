import type { DomainScore, Failure, Tally } from './intent-score.rules.ts';

export const percent = ({ correct, total }: Tally): string =>
  total === 0 ? 'n/a' : `${((100 * correct) / total).toFixed(1)}% (${correct}/${total})`;

/**
 * The scores as a Markdown table, one row per domain: the headline figures (self-contained turns read alone, every
 * turn of the dialogues replayed with the system's turns), whole dialogues, the same turns counting every slot, and
 * the LLM's figures when one was scored.
 */
const add = (tallies: readonly Tally[]): Tally => ({
  correct: tallies.reduce((sum, tally) => sum + tally.correct, 0),
  total: tallies.reduce((sum, tally) => sum + tally.total, 0),
});

/** All domains together, for the figures that are targets across them. */
export function overall(scores: readonly DomainScore[]): DomainScore {
  const sum = (pick: (score: DomainScore) => Tally): Tally => add(scores.map(pick));
  return {
    domain: 'all' as DomainScore['domain'],
    lines: scores.reduce((total, score) => total + score.lines, 0),
    selfContained: sum((score) => score.selfContained),
    selfContainedAllSlots: sum((score) => score.selfContainedAllSlots),
    selfContainedInSearch: sum((score) => score.selfContainedInSearch),
    dialogueTurns: sum((score) => score.dialogueTurns),
    dialogueTurnsAllSlots: sum((score) => score.dialogueTurnsAllSlots),
    dialogues: sum((score) => score.dialogues),
    dialogueTurnsNamed: sum((score) => score.dialogueTurnsNamed),
    slotsSelfContained: {},
    slotsDialogue: {},
    selfContainedFailures: [],
    dialogueFailures: [],
  };
}

export function scoreTable(
  rules: readonly DomainScore[],
  llm: readonly DomainScore[] | null,
  model: string | null,
  about: string,
): string {
  const header = [
    'domain',
    'self-contained turns, alone',
    'self-contained turns, in their search',
    'dialogue turns',
    'whole dialogues',
    'dialogue turns whose places were named',
    'all slots: self-contained / dialogue turns',
    ...(llm ? [`LLM (${model}): self-contained, alone`, 'LLM: dialogue turns'] : []),
  ];
  const withAll = rules.length > 1 ? [...rules, overall(rules)] : rules;
  const llmAll = llm && llm.length > 1 ? [...llm, overall(llm)] : llm;
  const rows = withAll.map((score) => {
    const other = llmAll?.find((candidate) => candidate.domain === score.domain);
    return [
      score.domain,
      percent(score.selfContained),
      percent(score.selfContainedInSearch),
      percent(score.dialogueTurns),
      percent(score.dialogues),
      percent(score.dialogueTurnsNamed),
      `${percent(score.selfContainedAllSlots)} / ${percent(score.dialogueTurnsAllSlots)}`,
      ...(llm ? [other ? percent(other.selfContained) : 'n/a', other ? percent(other.dialogueTurns) : 'n/a'] : []),
    ];
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    `Whole-state accuracy of the intent parser (${about}):`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
    '"Alone": each self-contained turn read with nothing before it, not even its kind of search, as POST /api/ai/intent',
    'meets a first message; "in their search": read from a search of its domain just opened, as typed in its tab.',
    'Headline columns leave out hotel_name and pickup_location (a result the system offered, which the request has',
    'no slot for); "all slots" counts them. "Whose places were named": the dialogue turns whose labelled cities all',
    'appear in the text the replay has (the dev set leaves out the turns of other services, where a later "there"',
    'found its city).',
    '',
  ].join('\n');
}

const show = (failure: Failure): string =>
  [
    failure.agentBefore === null ? null : `    agent: ${failure.agentBefore}`,
    `  ✗ ${failure.utterance}   [${failure.id}]${failure.placesNamed ? '' : ' (a labelled city is named nowhere before)'}`,
    `      want ${JSON.stringify(failure.expected)}`,
    `      got  ${JSON.stringify(failure.actual)}`,
  ]
    .filter((text) => text !== null)
    .join('\n');

/** One domain in detail: per-slot accuracy, and the first failures of each kind. */
export function scoreReport(
  score: DomainScore,
  detail: { errors: number; dialogueErrors: number; slots: boolean },
): string {
  const lines = [`\n${score.domain}: ${score.lines} labelled turns`];
  if (detail.slots) {
    lines.push('  per slot (self-contained | dialogue turns):');
    for (const slot of Object.keys(score.slotsSelfContained)) {
      const single = score.slotsSelfContained[slot] ?? { correct: 0, total: 0 };
      const dialogue = score.slotsDialogue[slot] ?? { correct: 0, total: 0 };
      lines.push(`    ${slot.padEnd(16)} ${percent(single).padEnd(22)} | ${percent(dialogue)}`);
    }
  }
  if (detail.errors > 0) {
    lines.push('  self-contained turns read wrong:', ...score.selfContainedFailures.slice(0, detail.errors).map(show));
  }
  if (detail.dialogueErrors > 0) {
    lines.push('  dialogue turns read wrong:', ...score.dialogueFailures.slice(0, detail.dialogueErrors).map(show));
  }
  return `${lines.join('\n')}\n`;
}
