import type { Problem } from '@tripwise/contracts';
import { loadServiceToken } from '@tripwise/platform/config';
import type { SeedBookingsResult } from '../domain/seed/seed-bookings.ts';
import { parseSeedArgs } from './seed-args.ts';
import { seedConfig } from './seed.config.ts';

/*
 * Seeds two years of booking history (bookings, payments, bills, sales) of search's inventory, once per scale:
 *   npm run seed -w services/booking -- [--scale demo|large] [--seed N]
 * with the stack running (`npm start`): the booking service does the work, in its own database, and asks search for
 * the inventory over HTTP, as it does for every booking. The large scale needs the stack on PostgreSQL.
 */
const args = parseSeedArgs(process.argv.slice(2));

async function seed(scale: string, seedNumber: number | undefined): Promise<number> {
  const token = await loadServiceToken(seedConfig);
  let res: Response;
  try {
    res = await fetch(`${seedConfig.BOOKING_URL}/internal/seed-history`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scale, ...(seedNumber === undefined ? {} : { seed: seedNumber }) }),
    });
  } catch {
    process.stderr.write(`No booking service at ${seedConfig.BOOKING_URL}: start the stack first (npm start).\n`);
    return 1;
  }
  if (!res.ok) {
    const problem = (await res.json()) as Problem;
    process.stderr.write(`${problem.title}: ${problem.detail ?? ''}\n`);
    return 1;
  }
  const { seeded, bookings, users, billingRecords, holdsPlaced, durationMs } = (await res.json()) as SeedBookingsResult;
  process.stdout.write(
    `${seeded ? 'Seeded' : 'Already seeded:'} ${bookings} bookings of ${users} travelers, ` +
      `${billingRecords} billing records, ${holdsPlaced} holds placed in search (${durationMs} ms).\n`,
  );
  return 0;
}

if (typeof args === 'string') {
  process.stderr.write(`${args}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await seed(args.scale, args.seed);
}
