import type { SearchApi } from '../../clients/search.client.ts';
import type { Bundle } from '../planning/bundle.types.ts';
import { flightsOf, legsOf } from '../planning/bundle.types.ts';
import { median } from '../planning/fit-score.rules.ts';

const PRICE_QUESTION =
  /\b(good|fair|great|decent|reasonable|bad)\s+(price|deal|fare|value)\b|\b(cheap|expensive|overpriced|worth it)\b|\bprices?\b.{0,30}\b(drop|go down|go up|rise)\b/i;

export const isPriceQuestion = (message: string) => PRICE_QUESTION.test(message);

const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;

interface CabinTrend {
  cabin: string;
  price: { amount: number };
  priceTrend: { avg30: number | null; avg60: number | null } | null;
}

/**
 * "Is this a good price?": the pick's fare against its own 30- and 60-day history and against the other options
 * on the same route and day; the hotel against similar hotels for the same nights.
 */
export async function answerPrice(
  search: SearchApi,
  bundle: Bundle,
): Promise<{ text: string; facts: Record<string, unknown> }> {
  const lines: string[] = [];
  const facts: Record<string, unknown> = {};
  if (bundle.flight) {
    const leg = legsOf(bundle.flight)[0]!;
    // Its first flight's page (a connecting itinerary is several flights).
    const first = flightsOf(bundle.flight)[0]!;
    const details = await search.details<{ cabins: CabinTrend[] }>('flights', first.id);
    const cabin = details.cabins.find((c) => c.price.amount === first.price.amount) ?? details.cabins[0];
    const avg30 = cabin?.priceTrend?.avg30 ?? null;
    const others = await search.flights({
      origin: leg.origin.code,
      destination: leg.destination.code,
      date: leg.departLocal.slice(0, 10),
      cabin: cabin?.cabin ?? 'economy',
      sort: 'price',
      limit: 20,
    });
    const typical = median(others.items.map((f) => ('outbound' in f ? f.outbound.price.amount : f.price.amount)));
    Object.assign(facts, {
      flightPrice: leg.price.amount,
      avg30,
      avg60: cabin?.priceTrend?.avg60 ?? null,
      routeMedian: typical,
    });
    if (avg30 !== null) {
      const ratio = leg.price.amount / avg30;
      lines.push(
        ratio <= 0.9
          ? `The ${leg.airline.name} fare (${dollars(leg.price.amount)}) is ${Math.round((1 - ratio) * 100)}% below its 30-day average of ${dollars(avg30)}: a good price.`
          : ratio >= 1.1
            ? `The ${leg.airline.name} fare (${dollars(leg.price.amount)}) is ${Math.round((ratio - 1) * 100)}% above its 30-day average of ${dollars(avg30)}.`
            : `The ${leg.airline.name} fare (${dollars(leg.price.amount)}) is close to its 30-day average of ${dollars(avg30)}.`,
      );
    } else {
      lines.push(`The ${leg.airline.name} fare has not moved in the last 30 days (${dollars(leg.price.amount)}).`);
    }
    if (typical !== null) {
      lines.push(
        leg.price.amount <= typical
          ? `It is at or below the typical fare on this route that day (${dollars(typical)}).`
          : `The typical fare on this route that day is ${dollars(typical)}.`,
      );
    }
  }
  if (bundle.hotel) {
    const similar = await search.hotels({
      city: bundle.hotel.city.code,
      checkIn: bundle.hotel.checkIn,
      checkOut: bundle.hotel.checkOut,
      stars: [String(bundle.hotel.stars)],
      sort: 'price',
      limit: 30,
    });
    const typical = median(similar.items.map((h) => h.nightlyPrice.amount));
    facts.hotelNightly = bundle.hotel.nightlyPrice.amount;
    facts.similarHotelsMedian = typical;
    if (typical !== null) {
      lines.push(
        `${bundle.hotel.name} at ${dollars(bundle.hotel.nightlyPrice.amount)} a night is ${bundle.hotel.nightlyPrice.amount <= typical ? 'at or below' : 'above'} the typical ${bundle.hotel.stars}-star rate for those nights (${dollars(typical)}).`,
      );
    }
  }
  return { text: lines.join(' ') || 'There is nothing to compare it with yet.', facts };
}
