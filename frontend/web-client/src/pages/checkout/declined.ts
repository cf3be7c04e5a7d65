/** One sentence ending in one full stop, whatever the source ended with. */
export const sentence = (text: string) => `${text.trim().replace(/[.\s]+$/, '')}.`;

/**
 * What a declined card means for the traveler. The processor's reason often says "declined" itself ("Your card was
 * declined."), so it is not said twice: "Your card was declined: your card has insufficient funds."
 */
export function cardDeclinedText(reason: string | undefined): string {
  const why = reason?.trim() ? sentence(reason) : '';
  const lead = !why
    ? 'Your card was declined.'
    : /declined/i.test(why)
      ? why
      : `Your card was declined: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
  return `${lead} Nothing was booked or charged. Try another card.`;
}
