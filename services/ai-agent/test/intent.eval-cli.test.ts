import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, onTestFinished, test } from 'vitest';
import { emptyFlight, emptyRequest } from '../src/domain/intent/request.shapes.ts';
import { completion, givenAnLlmServer } from './intent.llm.server.ts';

const cli = fileURLToPath(new URL('../src/cli/eval-intent.cli.ts', import.meta.url));

/** Runs the scoring CLI as a separate process with only PATH and the given variables in its environment. */
function runEval(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** A folder with two labelled lines of our own, in the dev set's format (never the dev set itself). */
function givenLabelledTurns(): string {
  const folder = mkdtempSync(join(tmpdir(), 'intent-eval-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  const lines = [
    {
      id: 'dev:1_001:0:Flights_1',
      utterance: 'Boston to Denver please',
      context: [],
      state: { origin: 'Boston', destination: 'Denver' },
      self_contained: true,
    },
    {
      id: 'dev:1_001:2:Flights_1',
      utterance: 'on the 5th',
      context: ['USER: Boston to Denver please', 'SYSTEM: When do you want to leave?'],
      state: { origin: 'Boston', destination: 'Denver', departure_date: '2019-03-05' },
      self_contained: false,
    },
  ];
  writeFileSync(join(folder, 'flights.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  return folder;
}

describe('eval:intent', () => {
  test('When run on a folder of labelled turns, then it prints the table of the rules', async () => {
    const { code, stdout } = await runEval([givenLabelledTurns()]);

    expect(code).toBe(0);
    expect(stdout).toContain('| flights | 100.0% (1/1) | 100.0% (1/1) | 100.0% (2/2) | 100.0% (1/1) |');
    expect(stdout).not.toContain('LLM');
  });

  test('When an LLM is configured, then the table has its column too', async () => {
    const answer = {
      ...emptyRequest(),
      intent: 'search_flights',
      flight: {
        ...emptyFlight(),
        origin: { code: 'BOS', city: 'Boston' },
        destination: { code: 'DEN', city: 'Denver' },
      },
    };
    const server = await givenAnLlmServer(() => completion(answer));
    onTestFinished(() => server.close());

    const { code, stdout } = await runEval([givenLabelledTurns()], {
      LLM_BASE_URL: server.baseUrl,
      LLM_API_KEY: 'sk-test-key',
      LLM_MODEL: 'test-model',
    });

    expect(code).toBe(0);
    expect(stdout).toContain('LLM (test-model): self-contained, alone');
    // The stand-in never reads the date: right on the first turn, wrong on the second.
    expect(stdout).toMatch(/\| flights \|.*\| 100\.0% \(1\/1\) \| 50\.0% \(1\/2\) \|/);
  });
});
