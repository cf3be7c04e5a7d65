import { describe, expect, it } from 'vitest';
import { cachingDenyCheck } from '../src/auth/index.ts';

describe('the cached deny-list check', () => {
  it('When many requests of one session miss the cache together, then one lookup answers them all', async () => {
    let lookups = 0;
    let answer: (denied: boolean) => void = () => undefined;
    const check = cachingDenyCheck(() => {
      lookups += 1;
      return new Promise<boolean>((resolve) => (answer = resolve));
    }, 2_000);
    const waiting = Array.from({ length: 5 }, () => check('session-1'));
    answer(true);
    expect(await Promise.all(waiting)).toEqual([true, true, true, true, true]);
    expect(lookups).toBe(1);
  });

  it('When the answer has expired, then the next request looks again, and a failure is not shared for ever', async () => {
    let clock = 0;
    const answers: (boolean | Error)[] = [new Error('down'), false, true];
    let lookups = 0;
    const check = cachingDenyCheck(
      async () => {
        const next = answers[lookups++]!;
        if (next instanceof Error) throw next;
        return next;
      },
      2_000,
      () => clock,
    );
    await expect(check('s')).rejects.toThrow('down');
    clock += 1_001; // a failure is remembered for at most a second
    expect(await check('s')).toBe(false);
    clock += 1_000;
    expect(await check('s')).toBe(false); // still within 2 s
    clock += 1_001;
    expect(await check('s')).toBe(true);
    expect(lookups).toBe(3);
  });
});
