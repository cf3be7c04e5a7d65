import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import { isRedEye } from './fit-score.rules.ts';
import { legsOf, type FlightChoice } from './bundle.types.ts';

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

function flightFacts(flight: FlightChoice): string {
  const legs = legsOf(flight);
  const first = legs[0]!;
  const stops = legs.every((l) => l.stops === 0) ? 'Nonstop' : `${Math.max(...legs.map((l) => l.stops))}-stop`;
  return `${stops} ${first.airline.name}, ${hours(first.durationMin)}`;
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
  if (bundle.car) parts.push(`${bundle.car.company} ${bundle.car.carClass.replace('_', ' ')}`);
  const price =
    ctx.budgetTotal !== null && bundle.total <= ctx.budgetTotal
      ? `${dollars(bundle.total)} for ${ctx.party}, ${dollars(ctx.budgetTotal - bundle.total)} under budget`
      : bundle.total === ctx.cheapestTotal
        ? `${dollars(bundle.total)} for ${ctx.party}, the lowest total found`
        : `${dollars(bundle.total)} for ${ctx.party}`;
  return atMostWords(`${parts.join('; ')}; ${price}.`, 25);
}

/** "What to watch": the one caveat that matters most, or a reassurance when there is none. */
export function whatToWatch(
  bundle: { flight: FlightChoice | null; hotel: HotelOption | null; car: CarOption | null; total: number },
  ctx: { budgetTotal: number | null },
): string {
  const legs = bundle.flight ? legsOf(bundle.flight) : [];
  const scarce = legs.find((l) => l.seatsLeft <= 3);
  const caveats = [
    ctx.budgetTotal !== null && bundle.total > ctx.budgetTotal
      ? `${dollars(bundle.total - ctx.budgetTotal)} over your budget.`
      : null,
    scarce ? `Only ${scarce.seatsLeft} seat${scarce.seatsLeft === 1 ? '' : 's'} left at this fare.` : null,
    legs.some((l) => isRedEye(l.departLocal)) ? 'Overnight red-eye departure.' : null,
    bundle.hotel && bundle.hotel.roomsLeft <= 2
      ? `Only ${bundle.hotel.roomsLeft} room${bundle.hotel.roomsLeft === 1 ? '' : 's'} left.`
      : null,
    legs.length > 0 && legs.some((l) => !l.refundable) ? 'The fare is non-refundable.' : null,
    bundle.hotel && (bundle.hotel.policies.refundWindowHours ?? 0) > 0
      ? `Free hotel cancellation ends ${bundle.hotel.policies.refundWindowHours}h before check-in.`
      : null,
  ].filter((c): c is string => c !== null);
  return atMostWords(caveats[0] ?? 'No caveats found in its fares and policies.', 12);
}
