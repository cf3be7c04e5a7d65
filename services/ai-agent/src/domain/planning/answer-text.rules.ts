import type { Bundle } from './bundle.types.ts';
import type { PlanOutcome } from './plan-trip.use-case.ts';

const MISSING_WORDS = { flights: 'flight', hotels: 'hotel', cars: 'car' } as const;
const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Options that meet everything first; any alternatives after them said to be marked. */
function optionsText(bundles: Bundle[]): string {
  const relaxed = bundles.filter((b) => (b.relaxes ?? []).length > 0).length;
  const meeting = bundles.length - relaxed;
  const head = `Here ${meeting === 1 ? 'is' : 'are'} ${count(meeting, 'option', 'options')}`;
  if (relaxed === 0) return `${head}.`;
  return `${head} with everything you asked, then the nearest ${count(relaxed, 'alternative', 'alternatives')}, each marked with what it changes.`;
}

function headOf(outcome: Extract<PlanOutcome, { kind: 'bundles' | 'alternatives' }>): string {
  const n = outcome.bundles.length;
  if (outcome.kind === 'alternatives') {
    const nearest = n === 1 ? 'alternative is' : `${n} alternatives are`;
    return `${outcome.unmet.join('. ')}. The nearest ${nearest} below, each marked with what it changes.`;
  }
  const places = outcome.bundles.flatMap((b) => (b.destination ? [b.destination.city] : []));
  if (places.length > 0) {
    return `Here ${n === 1 ? 'is' : 'are'} ${count(n, 'destination', 'destinations')}, each with its best trip: ${places.join(', ')}.`;
  }
  return optionsText(outcome.bundles);
}

/**
 * What the agent says with its bundles: how many; when nothing met the request, which stated constraint failed and
 * that each alternative is marked with what it changes; and which part is missing when its search failed.
 */
export function answerText(outcome: Extract<PlanOutcome, { kind: 'bundles' | 'alternatives' }>): string {
  const head = headOf(outcome);
  if (outcome.incomplete.length === 0) return head;
  const parts = outcome.incomplete.map((p) => MISSING_WORDS[p]);
  const which = parts.length === 1 ? 'that part is' : 'those parts are';
  return `${head} The ${parts.join(' and ')} search did not answer, so ${which} missing: ask again in a moment to add ${parts.length === 1 ? 'it' : 'them'}.`;
}
