import { parseArgs } from 'node:util';
import { isBookingScaleName, type BookingScaleName } from '../domain/seed/booking-scale.ts';

export interface SeedArgs {
  scale: BookingScaleName;
  seed?: number;
}

/** Reads `--scale demo|large [--seed N]`; a string is what to tell the user instead. */
export function parseSeedArgs(args: string[]): SeedArgs | string {
  let values: { scale?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    return (err as Error).message;
  }
  const { scale = 'demo', seed } = values;
  if (!isBookingScaleName(scale)) return `--scale must be demo or large, not "${scale}"`;
  if (seed !== undefined && !/^\d{1,10}$/.test(seed)) return `--seed must be a whole number, not "${seed}"`;
  if (seed !== undefined && Number(seed) > 2 ** 31 - 1) return '--seed must be at most 2147483647';
  return { scale, ...(seed === undefined ? {} : { seed: Number(seed) }) };
}
