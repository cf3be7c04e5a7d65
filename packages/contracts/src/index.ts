export { isoDateSchema, moneySchema, type Money } from './common.ts';
export { fieldErrorSchema, problemSchema, type FieldError, type Problem } from './problem.ts';
export * from './vocabulary.ts';
export * from './intent.ts';
export * from './auth.ts';
export { US_STATES, toStateCode } from './us-states.ts';
export * from './search.ts';
export type * from './search-results.ts';
export * from './search-flexible.ts';
export * from './listings.ts';
export * from './holds.ts';
export * from './seed-world.ts';
export * from './bookings.ts';
export * from './booking-views.ts';
export * from './contact.ts';
export * from './agent.ts';
// Booking's price and refund rules, shared so the checkout and My trips preview exactly what the booking charges.
export * from './pricing.rules.ts';
export * from './cancellation.rules.ts';
