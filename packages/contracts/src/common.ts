import { z } from 'zod';

/** A calendar date (stays, rentals, departure days): never shifted by a time zone. */
export const isoDateSchema = z.iso.date();

/** Money is an integer number of minor units plus an ISO 4217 code, never a float. */
export const moneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD'),
});

export type Money = z.infer<typeof moneySchema>;
