import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { intentRequestSchema } from '@tripwise/contracts';

const cli = fileURLToPath(new URL('../src/cli/intent.cli.ts', import.meta.url));

/** Runs the CLI as a separate process with the given stdin; no environment beyond PATH is passed on. */
function runCli(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('intent CLI', () => {
  test('When conversations are piped in, then one line of states comes out per conversation', async () => {
    const input = [
      JSON.stringify({ turns: ['Fly from NYC to LA next Friday for 2', 'make it 3 people'] }),
      JSON.stringify({ turns: ['a hotel in Paris for 2 nights from tomorrow'] }),
    ].join('\n');

    const { code, stdout } = await runCli(['--now', '2024-05-15T15:00:00Z'], `${input}\n`);

    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { states: unknown[] });
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => line.states.map((state) => intentRequestSchema.parse(state)));
    expect(first).toHaveLength(2);
    expect(first?.[0]).toMatchObject({
      intent: 'search_flights',
      flight: { origin: { code: 'NYC' }, destination: { code: 'LAX' }, departDate: '2024-05-24', passengers: 2 },
    });
    expect(first?.[1]).toMatchObject({ intent: 'refine', flight: { passengers: 3 } });
    expect(second?.[0]).toMatchObject({ hotel: { city: 'Paris', checkIn: '2024-05-16', checkOut: '2024-05-18' } });
  });

  test('When a line is not a conversation, then it gets an error line and the next line is still answered', async () => {
    const input = ['not json', JSON.stringify({ turns: 'oops' }), JSON.stringify({ turns: ['to Rome'] })].join('\n');

    const { code, stdout } = await runCli(['--now', '2024-05-15T15:00:00Z'], input);

    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ error: expect.any(String) });
    expect(lines[1]).toEqual({ error: expect.stringContaining('turns') });
    expect(lines[2]).toMatchObject({ states: [{ flight: { destination: { code: 'ROM' } } }] });
  });

  test('When --tz is given, then relative dates are resolved in that zone', async () => {
    const input = JSON.stringify({ turns: ['fly to Osaka tomorrow'] });

    const { stdout } = await runCli(['--now', '2024-05-15T23:30:00Z', '--tz', 'Asia/Tokyo'], input);

    expect(JSON.parse(stdout)).toMatchObject({ states: [{ flight: { departDate: '2024-05-17' } }] });
  });

  test('When --now is not a date, then the CLI refuses to start and says why', async () => {
    const { code, stderr } = await runCli(['--now', 'yesterday-ish'], '');

    expect(code).toBe(2);
    expect(stderr).toContain('--now');
  });
});
