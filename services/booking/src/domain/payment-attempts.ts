import type { KvStore } from '@tripwise/platform/kv';
import { attemptLimiter, tooManyAttempts } from '@tripwise/platform/kv';

/** How many charges a traveler may attempt, and have declined, before card testing is assumed. */
export interface PaymentLimits {
  /** Charges attempted per user per 15 minutes (six times as many per address: households, offices). */
  attemptsPer15Minutes: number;
  /** Declined charges per user per hour (four times as many per address). */
  declinesPerHour: number;
}

export const DEFAULT_PAYMENT_LIMITS: PaymentLimits = { attemptsPer15Minutes: 10, declinesPerHour: 5 };

/** Who pays: the signed-in traveler, and the address the request came from (as the gateway saw it). */
export interface Payer {
  userId: string;
  address: string;
}

const HOUR_MS = 60 * 60_000;
/** One address may be many travelers (a household, an office behind NAT): it gets several travelers' allowance. */
const ADDRESS_SHARE = 6;
const ADDRESS_DECLINE_SHARE = 4;
const declinesKey = (subject: string) => `payments:declines:${subject}`;

/**
 * One limit on card charges for every way into booking (POST /api/bookings, and the AI concierge's bundle booking,
 * which books through it): counted in the shared key-value store per user and per address, so no instance, service
 * or path gives a card tester a fresh allowance. Attempts are counted before a card is charged; declines after.
 */
export function paymentAttempts(kv: KvStore, limits: PaymentLimits = DEFAULT_PAYMENT_LIMITS) {
  const window = 15 * 60_000;
  const perUser = attemptLimiter(kv, { name: 'payment-user', limit: limits.attemptsPer15Minutes, windowMs: window });
  const perAddress = attemptLimiter(kv, {
    name: 'payment-address',
    limit: ADDRESS_SHARE * limits.attemptsPer15Minutes,
    windowMs: window,
  });
  const subjects = (payer: Payer): [string, number][] => [
    [`user:${payer.userId}`, limits.declinesPerHour],
    [`address:${payer.address}`, ADDRESS_DECLINE_SHARE * limits.declinesPerHour],
  ];

  return {
    /** Throws 429 once the payer had too many declines this hour, or attempts in 15 minutes; else counts one. */
    async assertMayCharge(payer: Payer): Promise<void> {
      for (const [subject, limit] of subjects(payer)) {
        const declines = Number((await kv.get(declinesKey(subject))) ?? 0);
        if (declines >= limit) {
          const ttl = await kv.ttl(declinesKey(subject));
          throw tooManyAttempts(
            ttl !== null && ttl > 0 ? ttl : HOUR_MS,
            'Too many declined payments. Check the card with its bank, then try again later.',
          );
        }
      }
      await perUser.consume(payer.userId);
      await perAddress.consume(payer.address);
    },
    async recordDecline(payer: Payer): Promise<void> {
      for (const [subject] of subjects(payer)) await kv.incr(declinesKey(subject), 1, HOUR_MS);
    },
  };
}

export type PaymentAttempts = ReturnType<typeof paymentAttempts>;
