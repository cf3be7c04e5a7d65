import { parseArgs } from 'node:util';
import { isInventoryScaleName, type InventoryScaleName } from '../domain/inventory/inventory-scale.ts';
import { isoDateToUtcMs } from '@tripwise/travel-data';

export interface SeedArgs {
  scale: InventoryScaleName;
  seed?: number;
  startDate?: string;
}

/** Reads `--scale demo|large [--seed N] [--start YYYY-MM-DD]`; a string is what to tell the user instead. */
export function parseSeedArgs(args: string[], hasDatabaseUrl: boolean): SeedArgs | string {
  let values: { scale?: string; seed?: string; start?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string' }, start: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    return (err as Error).message;
  }
  const { scale = 'demo', seed, start } = values;
  if (!isInventoryScaleName(scale)) return `--scale must be demo or large, not "${scale}"`;
  // A million flights in the embedded database would take long and help nobody: large is for benchmarks.
  if (scale === 'large' && !hasDatabaseUrl) return '--scale large needs DATABASE_URL (a PostgreSQL database)';
  if (seed !== undefined && !/^\d{1,10}$/.test(seed)) return `--seed must be a whole number, not "${seed}"`;
  if (seed !== undefined && Number(seed) > 2 ** 31 - 1) return '--seed must be at most 2147483647';
  if (start !== undefined) {
    try {
      isoDateToUtcMs(start);
    } catch {
      return `--start must be a date such as 2026-12-01, not "${start}"`;
    }
  }
  return {
    scale,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(start === undefined ? {} : { startDate: start }),
  };
}
