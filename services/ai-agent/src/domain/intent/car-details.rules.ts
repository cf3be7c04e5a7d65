import type { CarType } from '@tripwise/contracts';
import { matchAll, spanOf, type Span } from './text.rules.ts';

export interface CarDetails {
  carType: CarType | null;
  spans: Span[];
}

const VEHICLE = '(?:\\s+(?:rental\\s+)?(?:car|cars|vehicle|vehicles|one|rental|auto|model|size|class|category|type))';

/**
 * Car classes as travellers say them. Words that mean something else outside a car ("small", "large",
 * "economy") count only next to "car" or "vehicle"; "intermediate" and "mid-size" are the standard class,
 * "spacious" and "large" the full-size class, which is how rental companies group them.
 */
const CAR_TYPES: readonly (readonly [CarType, RegExp])[] = [
  ['suv', /\b(?:suvs?|sport utility(?: vehicle)?|crossover)\b/gi],
  ['van', /\b(?:(?:mini[- ]?)?vans?|people carrier|passenger van|7[- ]seater|seven[- ]seater)\b/gi],
  ['convertible', /\b(?:convertibles?|cabrio(?:let)?|drop[- ]?top)\b/gi],
  ['pickup', /\b(?:pick[- ]?up trucks?|trucks?)\b/gi],
  ['luxury', new RegExp(`\\b(?:luxury|premium|prestige|fancy|high[- ]end|exotic)${VEHICLE}`, 'gi')],
  [
    'full_size',
    new RegExp(`\\b(?:full[- ]?size[ds]?|fullsize)(?:${VEHICLE})?\\b|\\b(?:large|big|spacious|roomy)${VEHICLE}`, 'gi'),
  ],
  [
    'standard',
    new RegExp(
      `\\b(?:standard|intermediate|mid[- ]?size[ds]?|medium[- ]size[ds]?|medium|regular)${VEHICLE}|\\b(?:intermediate|mid[- ]?size[ds]?|medium[- ]sized)\\b`,
      'gi',
    ),
  ],
  ['compact', new RegExp(`\\b(?:compacts?|sub[- ]?compact)\\b|\\b(?:small|little|tiny|mini)${VEHICLE}`, 'gi')],
  ['economy', new RegExp(`\\b(?:economy|cheap|budget)${VEHICLE}`, 'gi')],
  ['sedan', /\b(?:sedans?|saloons?)\b/gi],
  ['hatchback', /\bhatch(?:back)?s?\b/gi],
];

/** Reads the car class a traveller asks for, if any. "Standard" alone counts only once a car is being discussed. */
export function readCarDetails(text: string, carInView: boolean): CarDetails {
  for (const [carType, pattern] of CAR_TYPES) {
    const match = matchAll(text, pattern)[0];
    if (match) {
      return { carType, spans: [spanOf(match)] };
    }
  }
  if (carInView) {
    const bare = matchAll(text, /\b(?:standard|economy|luxury)\b/gi)[0];
    if (bare) {
      const word = bare[0].toLowerCase();
      return {
        carType: word === 'standard' ? 'standard' : word === 'luxury' ? 'luxury' : 'economy',
        spans: [spanOf(bare)],
      };
    }
  }
  return { carType: null, spans: [] };
}
