import { expect } from 'vitest';
import type { z } from 'zod';
import { bookingPageSchema, bookingViewSchema, ownerBookingViewSchema } from '@tripwise/contracts';

const ONE_BOOKING = /^\/api\/bookings(\/[0-9a-f-]{36}(\/cancel|\/items\/\d+\/cancel)?)?$/;
const A_PAGE = /^\/api\/bookings(\/of-my-listings)?(\?.*)?$/;

/**
 * Every successful answer about bookings is exactly what the contract (packages/contracts) says: parsing it keeps
 * every field (nothing the contract does not know of) and refuses nothing. Used on each answer the tests get.
 */
export function expectBookingContract(method: string, path: string, status: number, body: unknown): void {
  if (status >= 300 || body === null) return;
  let schema: z.ZodType | undefined;
  if (method === 'GET' && A_PAGE.test(path)) schema = bookingPageSchema;
  else if (ONE_BOOKING.test(path.split('?')[0]!)) {
    schema = (body as { payment?: unknown }).payment === undefined ? ownerBookingViewSchema : bookingViewSchema;
  }
  if (!schema) return;
  expect(schema.parse(body), `${method} ${path} answers what the contract says`).toEqual(body);
}
