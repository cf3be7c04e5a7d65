import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readEvalLine, type EvalTurn } from '../evaluation/eval-turn.reader.ts';
import { scoreDomain, type DomainScore, type Tally } from '../evaluation/intent-score.rules.ts';
import type { SgdDomain } from '../evaluation/sgd-slots.mapping.ts';

/*
 * Scores the intent parser on labelled SGD turns (see /work/shared/eval/README.md):
 *   npm run eval:intent -w services/ai-agent -- <file.jsonl> [more files] [--errors N]
 * The files are read where they are, never copied. "Today" is 2019-03-01, as the labels were resolved.
 * The headline figure reads each self-contained turn alone, with no domain given, because that is how the CLI and
 * `POST /api/ai/intent` meet a single message; reading it from a request opened on the file's domain is shown below
 * it for comparison, as it hides whether the words alone say car, flight or stay. Failures listed are the former.
 */
const options = { now: new Date('2019-03-01T12:00:00Z'), timeZone: 'UTC' };

const percent = ({ correct, total }: Tally): string =>
  `${total === 0 ? '  n/a' : ((100 * correct) / total).toFixed(1).padStart(5)}% (${correct}/${total})`;

function report(score: DomainScore, source: string, errors: number): string {
  const { conversation: cold, conversationPrimed: primed } = score;
  const none = { correct: 0, total: 0 };
  const lines = [
    `${score.domain} (${source}): ${score.turns} turns, ${score.selfContained.total} self-contained, ${cold.dialogues.total} dialogues`,
    `  self-contained whole-state accuracy  ${percent(score.selfContained)}   (each turn alone, no domain given: as the CLI and POST /api/ai/intent see it)`,
    `    primed with the file's domain      ${percent(score.selfContainedPrimed)}   (secondary: read from a request already opened on ${score.domain})`,
    `  conversation, state after each turn  ${percent(cold.turns)}   (dialogue read from nothing)`,
    `  conversation, whole dialogues right  ${percent(cold.dialogues)}`,
    `    without hotel_name/pickup_location   ${percent(cold.turnsModelled)} of turns, ${percent(cold.dialoguesModelled)} of dialogues`,
    `    primed with the file's domain      ${percent(primed.turns)} of turns, ${percent(primed.dialogues)} of dialogues`,
    `  per-slot accuracy (self-contained, no domain given | conversation turns, from nothing):`,
    ...Object.keys(score.slotsSelfContained).map(
      (slot) =>
        `    ${slot.padEnd(16)} ${percent(score.slotsSelfContained[slot] ?? none).padEnd(20)} | ${percent(cold.slots[slot] ?? none)}`,
    ),
    ...score.failures
      .slice(0, errors)
      .map(
        (failure) =>
          `  ✗ ${failure.utterance}\n      want ${JSON.stringify(failure.expected)}\n      got  ${JSON.stringify(failure.actual)}`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}

const args = process.argv.slice(2);
const errorsAt = args.indexOf('--errors');
const errors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 0) : 0;
const files = args.filter((arg, index) => !arg.startsWith('--') && (errorsAt < 0 || index !== errorsAt + 1));
if (files.length === 0) {
  process.stderr.write('usage: eval:intent <file.jsonl> [more files] [--errors N]\n');
  process.exitCode = 2;
}
for (const file of files) {
  const turns = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(readEvalLine)
    .filter((turn): turn is EvalTurn => turn !== null);
  const domains = [...new Set(turns.map((turn) => turn.domain))] as SgdDomain[];
  for (const domain of domains) {
    const score = scoreDomain(
      domain,
      turns.filter((turn) => turn.domain === domain),
      options,
    );
    process.stdout.write(report(score, basename(file), errors));
  }
}
