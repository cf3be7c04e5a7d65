import type { Preferences } from '../planning/plan-trip.use-case.ts';

const AVOID_RED_EYES =
  /\b(?:no|avoid|without|skip|not?\s+(?:a|any))\s+(?:\w+\s+){0,2}red[- ]?eyes?\b|\bred[- ]?eyes?\b.{0,20}\b(?:no|avoid|not)\b/i;
const ALLOW_RED_EYES =
  /\b(?:red[- ]?eyes?\s+(?:are\s+)?(?:fine|ok(?:ay)?)|(?:fine|ok(?:ay)?)\s+with\s+(?:a\s+)?red[- ]?eyes?)\b/i;
// "Cheaper" and "nicer" are wishes relative to the option shown (the request's `relative`), not a priority.
const PRICE_FIRST =
  /\b(?:cheap(?:est)?|inexpensive|budget[- ]friendly|lowest[- ]price[ds]?|as little as possible|on a (?:tight )?budget|save money)\b/i;
const COMFORT_FIRST = /\b(?:(?:most )?comfortable|comfort|luxur(?:y|ious)|splurge|treat (?:ourselves|myself))\b/i;
const BALANCED = /\b(?:the best|best (?:option|overall|value|trip)|whatever is best)\b/i;

/** What a message says that the request has no slot for (red-eyes, what matters most), kept across the conversation. */
export function updatePreferences(previous: Preferences, message: string): Preferences {
  const next = { ...previous };
  if (ALLOW_RED_EYES.test(message)) next.avoidRedEyes = false;
  else if (AVOID_RED_EYES.test(message)) next.avoidRedEyes = true;
  if (PRICE_FIRST.test(message)) next.priority = 'price';
  else if (COMFORT_FIRST.test(message)) next.priority = 'comfort';
  else if (BALANCED.test(message)) next.priority = 'balanced';
  return next;
}
