import type { Preferences } from '../planning/plan-trip.use-case.ts';

const AVOID_RED_EYES =
  /\b(?:no|avoid|without|skip|not?\s+(?:a|any))\s+(?:\w+\s+){0,2}red[- ]?eyes?\b|\bred[- ]?eyes?\b.{0,20}\b(?:no|avoid|not)\b/i;
const ALLOW_RED_EYES =
  /\b(?:red[- ]?eyes?\s+(?:are\s+)?(?:fine|ok(?:ay)?)|(?:fine|ok(?:ay)?)\s+with\s+(?:a\s+)?red[- ]?eyes?)\b/i;

/** What a message says that the request has no slot for (red-eyes), kept across the conversation. */
export function updatePreferences(previous: Preferences, message: string): Preferences {
  if (ALLOW_RED_EYES.test(message)) return { ...previous, avoidRedEyes: false };
  if (AVOID_RED_EYES.test(message)) return { ...previous, avoidRedEyes: true };
  return previous;
}
