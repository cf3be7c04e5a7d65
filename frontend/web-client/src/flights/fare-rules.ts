// A fare's cancellation rule in the words checkout uses, so a result card, a flight's page and checkout say the
// same thing. The booking service applies it (packages/contracts cancellation rules): a refundable fare is
// refunded in full up to departure; any other keeps the fare, except within 24 hours of booking for a departure at
// least a week away (the US DOT rule).

export const fareRuleOf = (refundable: boolean): string =>
  refundable
    ? 'Refundable: a full refund if cancelled before departure.'
    : 'Non-refundable fare: a full refund only within 24 hours of booking, for a departure at least a week away.';

/** A whole trip's fares in a few words: every flight refundable, none, or some (checkout lists each flight's rule). */
export function faresInBrief(flights: readonly { refundable: boolean }[]): { text: string; good: boolean } {
  const refundable = flights.filter((f) => f.refundable).length;
  if (refundable === flights.length) return { text: 'Refundable', good: true };
  if (refundable === 0) return { text: 'Non-refundable', good: false };
  return { text: `Partly refundable (${refundable} of ${flights.length} flights)`, good: false };
}
