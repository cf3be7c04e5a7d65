import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { SERVICE_TOKEN } from '@tripwise/search/testing';
import { parseSeedArgs } from '../src/cli/seed-args.ts';
import { givenABookingStack } from './given-a-booking-stack.ts';

const cli = fileURLToPath(new URL('../src/cli/seed.cli.ts', import.meta.url));
const run = (args: string[], bookingUrl: string) =>
  promisify(execFile)(process.execPath, [cli, ...args], {
    env: { ...process.env, BOOKING_URL: bookingUrl, INTERNAL_SERVICE_TOKEN: SERVICE_TOKEN },
  });

describe('npm run seed -w services/booking', () => {
  test('When no arguments are given, then the demo scale is seeded with the default seed', () => {
    expect(parseSeedArgs([])).toEqual({ scale: 'demo' });
  });

  test('When a scale and a seed are given, then both are passed on', () => {
    expect(parseSeedArgs(['--scale', 'large', '--seed', '7'])).toEqual({ scale: 'large', seed: 7 });
  });

  test.each([
    [['--scale', 'huge'], /demo or large/],
    [['--seed', 'x'], /whole number/],
    [['--seed', '99999999999'], /whole number|at most/],
    [['--verbose'], /verbose/],
  ])('When the arguments are %j, then the user is told what is wrong', (args, message) => {
    expect(parseSeedArgs(args)).toMatch(message);
  });

  test('When the arguments are wrong, then the command stops with exit code 2', async () => {
    await expect(run(['--scale', 'huge'], 'http://127.0.0.1:9')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/demo or large/),
    });
  });

  test('When no booking service answers, then the user is told to start the stack', async () => {
    await expect(run([], 'http://127.0.0.1:9')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/start the stack/),
    });
  });

  test('When the service refuses (search has nothing to book), then its reason is shown and the exit code is 1', async () => {
    const stack = await givenABookingStack();
    try {
      await expect(run([], stack.url)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/nothing to book/),
      });
    } finally {
      await stack.close();
    }
  });
});
