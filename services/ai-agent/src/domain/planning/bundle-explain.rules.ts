import type { CarOption, FlightOption, HotelOption } from '../../clients/search.types.ts';
import { isRedEye } from './fit-score.rules.ts';
import { legsOf, type FlightChoice } from './bundle.types.ts';
import { carClassName } from './words.rules.ts';

const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;
const hours = (min: number) => `${Math.floor(min / 60)}h${String(min % 60).padStart(2, '0')}`;
const AMENITY_WORDS: Record<string, string> = {
  wifi: 'wifi',
  breakfast: 'breakfast',
  parking: 'parking',
  pool: 'pool',
  gym: 'gym',
  spa: 'spa',
  pet_friendly: 'pets welcome',
  airport_shuttle: 'airport shuttle',
  near_transit: 'near transit',
  free_cancellation: 'free cancellation',
};

/** Cuts a sentence to at most `max` words (the limits are part of the product: short enough to scan). */
export function atMostWords(text: string, max: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= max
    ? words.join(' ')
    : `${words
        .slice(0, max)
        .join(' ')
        .replace(/[,;:]$/, '')}`;
}

const stopsOf = (stops: number) => (stops === 0 ? 'nonstop' : `${stops}-stop`);
const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Every leg as it is: "Nonstop United out (4h05), 1-stop Delta back (6h10)". */
function flightFacts(flight: FlightChoice): string {
  const legs = legsOf(flight);
  if (legs.length === 1) {
    const [leg] = legs as [FlightOption];
    return `${capitalized(stopsOf(leg.stops))} ${leg.airline.name}, ${hours(leg.durationMin)}`;
  }
  const [out, back] = legs as [FlightOption, FlightOption];
  if (out.stops === back.stops && out.airline.code === back.airline.code) {
    return `${capitalized(stopsOf(out.stops))} ${out.airline.name} both ways, ${hours(out.durationMin)} out, ${hours(back.durationMin)} back`;
  }
  return `${capitalized(stopsOf(out.stops))} ${out.airline.name} out (${hours(out.durationMin)}), ${stopsOf(back.stops)} ${back.airline.name} back (${hours(back.durationMin)})`;
}

function hotelFacts(hotel: HotelOption, wanted: readonly string[]): string {
  const matched = wanted.filter((a) => hotel.amenities.includes(a)).map((a) => AMENITY_WORDS[a] ?? a);
  const extras = matched.length > 0 ? ` with ${matched.slice(0, 3).join(' and ')}` : '';
  return `${hotel.stars}★ ${hotel.name} in ${hotel.neighborhood} (${hotel.rating.toFixed(1)}/10)${extras}`;
}

/** "Why this": what the bundle is, and how its price compares, from the data alone. */
export function whyThis(
  bundle: { flight: FlightChoice | null; hotel: HotelOption | null; car: CarOption | null; total: number },
  ctx: { party: number; budgetTotal: number | null; cheapestTotal: number; amenitiesWanted: readonly string[] },
): string {
  const parts: string[] = [];
  if (bundle.flight) parts.push(flightFacts(bundle.flight));
  if (bundle.hotel) parts.push(hotelFacts(bundle.hotel, ctx.amenitiesWanted));
  if (bundle.car) parts.push(`${bundle.car.company} ${carClassName(bundle.car.carClass)}`);
  const price =
    ctx.budgetTotal !== null && bundle.total <= ctx.budgetTotal
      ? `${dollars(bundle.total)} for ${ctx.party}, ${dollars(ctx.budgetTotal - bundle.total)} under budget`
      : bundle.total === ctx.cheapestTotal
        ? `${dollars(bundle.total)} for ${ctx.party}, the lowest total found`
        : `${dollars(bundle.total)} for ${ctx.party}`;
  return atMostWords(`${parts.join('; ')}; ${price}.`, 25);
}

function nonRefundable(legs: FlightOption[], way: (leg: FlightOption) => string): string | null {
  const fixed = legs.filter((l) => !l.refundable);
  if (fixed.length === 0) return null;
  if (fixed.length === 2) return 'Both fares are non-refundable.';
  return `The${way(fixed[0]!)} fare is non-refundable.`;
}

/** "What to watch": the one caveat that matters most, or a reassurance when there is none. */
export function whatToWatch(
  bundle: { flight: FlightChoice | null; hotel: HotelOption | null; car: CarOption | null; total: number },
  ctx: { budgetTotal: number | null },
): string {
  const legs = bundle.flight ? legsOf(bundle.flight) : [];
  const scarce = legs.find((l) => l.seatsLeft <= 3);
  // Which way a caveat is about, when there are two: "on the return".
  const way = (leg: FlightOption | undefined) => (legs.length === 2 ? (leg === legs[0] ? ' outbound' : ' return') : '');
  const redEye = legs.find((l) => isRedEye(l.departLocal));
  const caveats = [
    ctx.budgetTotal !== null && bundle.total > ctx.budgetTotal
      ? `${dollars(bundle.total - ctx.budgetTotal)} over your budget.`
      : null,
    scarce
      ? `Only ${scarce.seatsLeft} seat${scarce.seatsLeft === 1 ? '' : 's'} left at this${way(scarce)} fare.`
      : null,
    redEye ? `The${way(redEye)} flight is an overnight red-eye.` : null,
    bundle.hotel && bundle.hotel.roomsLeft <= 2
      ? `Only ${bundle.hotel.roomsLeft} room${bundle.hotel.roomsLeft === 1 ? '' : 's'} left.`
      : null,
    nonRefundable(legs, way),
    bundle.hotel && (bundle.hotel.policies.refundWindowHours ?? 0) > 0
      ? `Free hotel cancellation ends ${bundle.hotel.policies.refundWindowHours}h before check-in.`
      : null,
  ].filter((c): c is string => c !== null);
  return atMostWords(caveats[0] ?? 'No caveats found in its fares and policies.', 12);
}
