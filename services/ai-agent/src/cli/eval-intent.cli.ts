import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { config } from '../config.ts';
import { intentLlmFromConfig } from '../domain/intent/llm/intent-llm.ts';
import { readEvalLine, type EvalTurn } from '../evaluation/eval-turn.reader.ts';
import { llmReader } from '../evaluation/llm-reader.ts';
import { rulesReader, scoreTurns, type DomainScore } from '../evaluation/intent-score.rules.ts';
import { scoreReport, scoreTable } from '../evaluation/score-report.ts';

/*
 * Scores the intent parser on labelled SGD turns (see the README, "The AI concierge"):
 *   npm run eval:intent [-- <file.jsonl | folder> ...] [--errors N] [--dialogue-errors N] [--slots] [--rules-only]
 * With no file, the development set in `shared/eval` next to the repository. Files are read where they are, never
 * copied. "Today" is 2019-03-01, as the labels were resolved. With LLM_BASE_URL, LLM_API_KEY and LLM_MODEL set, the
 * configured LLM (with the rules behind it) is scored too, in a second column.
 */
const options = { now: new Date('2019-03-01T12:00:00Z'), timeZone: 'UTC' };
const DEFAULT_FOLDER = fileURLToPath(new URL('../../../../../shared/eval', import.meta.url));

const { values, positionals } = parseArgs({
  options: {
    errors: { type: 'string', default: '0' },
    'dialogue-errors': { type: 'string', default: '0' },
    slots: { type: 'boolean', default: false },
    'rules-only': { type: 'boolean', default: false },
  },
  allowPositionals: true,
  strict: true,
});

function filesOf(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.jsonl'))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

const paths = positionals.length > 0 ? positionals : [DEFAULT_FOLDER];
let files: string[] = [];
try {
  files = filesOf(paths);
} catch (error) {
  process.stderr.write(`eval:intent: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write('usage: eval:intent [<file.jsonl | folder> ...] [--errors N] [--dialogue-errors N] [--slots]\n');
  process.exitCode = 2;
}
const turns = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(readEvalLine)
    .filter((turn): turn is EvalTurn => turn !== null),
);
if (files.length > 0) {
  const rules = await scoreTurns(turns, rulesReader(options));
  const llm = values['rules-only'] ? undefined : intentLlmFromConfig(config);
  let withLlm: DomainScore[] | null = null;
  if (llm) {
    process.stderr.write(`eval:intent: also reading every turn with ${llm.endpoint.model}; this takes a while\n`);
    withLlm = await scoreTurns(turns, llmReader(llm, options));
  }
  const detail = { errors: Number(values.errors), dialogueErrors: Number(values['dialogue-errors']) };
  process.stdout.write(
    scoreTable(rules, withLlm, llm?.endpoint.model ?? null, `${turns.length} turns, today = 2019-03-01`),
  );
  if (values.slots || detail.errors > 0 || detail.dialogueErrors > 0) {
    for (const score of rules) process.stdout.write(scoreReport(score, { ...detail, slots: values.slots }));
  }
}
