import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseSeedArgs } from '../src/cli/seed-args.ts';

const cli = fileURLToPath(new URL('../src/cli/seed.cli.ts', import.meta.url));

describe('npm run seed -w services/booking', () => {
  test('When no arguments are given, then the demo scale is seeded with the default seed', () => {
    expect(parseSeedArgs([], false)).toEqual({ scale: 'demo' });
  });

  test('When a scale and a seed are given, then both are passed on', () => {
    expect(parseSeedArgs(['--scale', 'large', '--seed', '7'], true)).toEqual({ scale: 'large', seed: 7 });
  });

  test.each([
    [['--scale', 'huge'], true, /demo or large/],
    [['--scale', 'large'], false, /DATABASE_URL/],
    [['--seed', 'x'], false, /whole number/],
    [['--seed', '99999999999'], false, /whole number|at most/],
    [['--verbose'], false, /verbose/],
  ])('When the arguments are %j, then the user is told what is wrong', (args, hasUrl, message) => {
    expect(parseSeedArgs(args, hasUrl)).toMatch(message);
  });

  test('When the large scale is asked for without DATABASE_URL, then the command stops with exit code 2', async () => {
    const run = promisify(execFile)(process.execPath, [cli, '--scale', 'large'], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/DATABASE_URL/) });
  });
});
