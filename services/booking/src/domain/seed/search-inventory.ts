/*
 * The search service's own code, used in-process by the booking seed (an offline tool run by an operator, never
 * imported by the running service). Bookings must agree with the inventory to the cent and the minute, so the seed
 * takes its snapshots and prices from search's quote, its holds from search's hold use cases, and its random streams
 * from the inventory seed's generator, rather than copies of them. Every import from search goes through this file.
 */
export { confirmHold, placeHold } from '../../../../search/src/domain/holds/holds.use-case.ts';
export { dayBefore, daysBetween } from '../../../../search/src/domain/holds/hold-days.ts';
export { quoteItems } from '../../../../search/src/domain/holds/quote.use-case.ts';
export { cityCodeOf } from '@tripwise/travel-data/network';
export {
  batches,
  createLocalClock,
  createRng,
  isoDateToUtcMs,
  rngFor,
  utcOffsetMinutes,
  type Rng,
} from '@tripwise/travel-data';
export { BATCH_ROWS } from '../../../../search/src/data/inventory.writer.ts';
