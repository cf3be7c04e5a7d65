import { z } from 'zod';
import { loadConfigOrExit, tokenCheckingServiceEnvSchema } from '@tripwise/platform/config';
import { CHECKPOINTS } from './domain/booking-saga.ts';

const schema = tokenCheckingServiceEnvSchema(4003)
  .extend({
    SEARCH_URL: z.url().default('http://127.0.0.1:4002'),
    /** A card processor with the Stripe-style API; unset, the built-in simulation runs inside this process. */
    PAYMENTS_URL: z.url().optional(),
    /** Its secret key; default (built-in simulation only): generated into DATA_DIR/booking/payments-secret-key. */
    PAYMENTS_SECRET_KEY: z.string().min(16).optional(),
    /** How long search holds a booking's inventory while the card is charged. */
    HOLD_TTL_SECONDS: z.coerce.number().int().min(30).max(3_600).default(600),
    /** How long a worker keeps an unfinished booking before recovery may take it over (longer than any step). */
    BOOKING_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
    /** How often unfinished bookings whose worker died are finished or undone. */
    RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    /** How often the outbox is checked for events not yet published (it is also woken after each commit). */
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1_000),
    /** Card charges one traveler may attempt per 15 minutes, on any path (six times as many per address). */
    PAYMENT_ATTEMPTS_PER_15_MINUTES: z.coerce.number().int().min(1).default(10),
    /** Declined charges one traveler may have per hour before payments wait (four times as many per address). */
    CARD_DECLINES_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** Tests only (NODE_ENV=test): kill the process at this point of the saga, to prove recovery. */
    FAULT_CRASH_AT: z.enum(CHECKPOINTS).optional(),
  })
  .refine((c) => !c.FAULT_CRASH_AT || c.NODE_ENV === 'test', {
    path: ['FAULT_CRASH_AT'],
    message: 'only with NODE_ENV=test',
  })
  .refine((c) => !c.PAYMENTS_URL || c.PAYMENTS_SECRET_KEY, {
    path: ['PAYMENTS_SECRET_KEY'],
    message: 'required with PAYMENTS_URL',
  });

export type Config = ReturnType<typeof schema.parse>;
export const config: Config = loadConfigOrExit(schema, process.env);
