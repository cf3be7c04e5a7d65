import { airportsOf } from '@tripwise/travel-data';
import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import { legsOf, type FlightChoice, type Relaxation } from './bundle.types.ts';
import { cabinName, carClassName, withArticle } from './words.rules.ts';
import type { TripPlan } from './trip-request.rules.ts';

const DAY_MS = 86_400_000;
const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;
export const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
export const dayName = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
const shiftWords = (days: number) =>
  `${Math.abs(days) === 1 ? 'a day' : `${Math.abs(days)} days`} ${days > 0 ? 'later' : 'earlier'}`;
const STOPS = ['nonstop', 'at most one stop', 'at most two stops'];

/** A relaxation with how far it strays from the request: alternatives that stray least come first. */
export interface Costed extends Relaxation {
  cost: number;
}

/** The airports a stated place allows: a metro area's, or the airport itself. */
const airportsFor = (code: string) => new Set([code, ...airportsOf(code)]);

function flightBreaches(flight: FlightChoice, f: NonNullable<TripPlan['flight']>): Costed[] {
  const legs = legsOf(flight);
  const out: Costed[] = [];
  const outShift = daysFrom(f.departDate, legs[0]!.departLocal.slice(0, 10));
  const backShift = f.returnDate && legs[1] ? daysFrom(f.returnDate, legs[1].departLocal.slice(0, 10)) : 0;
  if (outShift !== 0 || backShift !== 0) {
    const shift = outShift !== 0 ? outShift : backShift;
    const back = legs[1] ? ` and returns ${dayName(legs[1].departLocal.slice(0, 10))}` : '';
    out.push({
      kind: 'dates',
      text: `leaves ${dayName(legs[0]!.departLocal.slice(0, 10))}${back} (${shiftWords(shift)})`,
      cost: Math.max(Math.abs(outShift), Math.abs(backShift)),
    });
  }
  const stops = Math.max(...legs.map((l) => l.stops));
  if (f.maxStops !== null && stops > f.maxStops) {
    out.push({
      kind: 'stops',
      text: `${stops === 1 ? 'one stop' : `${stops} stops`} instead of ${STOPS[f.maxStops] ?? 'fewer'}`,
      cost: 1.5 * (stops - f.maxStops),
    });
  }
  const [from, to] = [airportsFor(f.origin), airportsFor(f.destination)];
  const away = legs[0]!;
  const moved = [
    from.has(away.origin.code) ? null : `from ${away.origin.code} instead of ${f.origin}`,
    to.has(away.destination.code) ? null : `into ${away.destination.code} instead of ${f.destination}`,
  ].filter(Boolean);
  if (moved.length > 0) out.push({ kind: 'airports', text: `flies ${moved.join(' and ')}`, cost: 2 });
  if (f.airline && legs.some((l) => l.airlines.some((a) => a.code !== f.airline))) {
    const other = legs.flatMap((l) => l.airlines).find((a) => a.code !== f.airline)!;
    out.push({ kind: 'airline', text: `${other.name} instead of only ${f.airline}`, cost: 2 });
  }
  if (f.maxPrice !== null && flight.price.amount > f.maxPrice) {
    out.push({
      kind: 'budget',
      text: `${dollars(flight.price.amount)} a person, not under ${dollars(f.maxPrice + 1)}`,
      cost: 1 + (10 * (flight.price.amount - f.maxPrice)) / f.maxPrice,
    });
  }
  if (legs.some((l) => l.cabin !== f.cabin)) {
    out.push({ kind: 'cabin', text: `${cabinName(legs[0]!.cabin)} instead of ${cabinName(f.cabin)}`, cost: 3 });
  }
  return out;
}

function hotelBreaches(hotel: HotelOption, h: NonNullable<TripPlan['hotel']>): Costed[] {
  const out: Costed[] = [];
  const stated = airportsFor(h.place);
  if (![...airportsFor(hotel.city.code)].some((code) => stated.has(code))) {
    out.push({ kind: 'distance', text: `a hotel in ${hotel.city.name}, outside ${h.place}`, cost: 2 });
  }
  if (h.minStars !== null && hotel.stars < h.minStars) {
    out.push({
      kind: 'stars',
      text: `a ${hotel.stars}-star hotel instead of ${h.minStars}-star`,
      cost: 2 * (h.minStars - hotel.stars),
    });
  }
  const lacking = h.amenities.filter((a) => !hotel.amenities.includes(a));
  if (lacking.length > 0) {
    out.push({
      kind: 'amenities',
      text: `the hotel has no ${lacking.map((a) => a.replace(/_/g, ' ')).join(' or ')}`,
      cost: 2.5 * lacking.length,
    });
  }
  if (h.maxNightly !== null && hotel.nightlyPrice.amount > h.maxNightly) {
    const over = hotel.nightlyPrice.amount - h.maxNightly;
    out.push({
      kind: 'nightly-price',
      text: `${dollars(hotel.nightlyPrice.amount)} a night, ${dollars(over)} over your ${dollars(h.maxNightly)} limit`,
      cost: 1 + (5 * over) / h.maxNightly,
    });
  }
  return out;
}

function carBreaches(car: CarOption, c: NonNullable<TripPlan['car']>): Costed[] {
  if (c.carType === null || car.carClass === c.carType) return [];
  return [
    {
      kind: 'car-type',
      text: `${withArticle(carClassName(car.carClass))} instead of ${withArticle(carClassName(c.carType))}`,
      cost: 1.5,
    },
  ];
}

/** When there is no flight to date the trip by, the stay's (or the rental's) shift says how far it moved. */
function stayShift(
  stated: { first: string; last: string },
  got: { first: string; last: string },
  verb: string,
): Costed[] {
  const shift = daysFrom(stated.first, got.first) || daysFrom(stated.last, got.last);
  if (shift === 0) return [];
  return [{ kind: 'dates', text: `${verb} ${dayName(got.first)} (${shiftWords(shift)})`, cost: Math.abs(shift) }];
}

/**
 * Every stated constraint an option does not meet, checked against the request as the traveler stated it (`plan`)
 * and the dates the option was priced for (`priced`, when an alternative moved them). Empty: it meets them all.
 */
export function relaxationsOf(
  option: { flight: FlightChoice | null; hotel: HotelOption | null; car: CarOption | null; total: number },
  plan: TripPlan,
  priced: TripPlan = plan,
): Costed[] {
  const out: Costed[] = [];
  if (option.flight && plan.flight) out.push(...flightBreaches(option.flight, plan.flight));
  if (!plan.flight && plan.hotel && priced.hotel) {
    out.push(
      ...stayShift(
        { first: plan.hotel.checkIn, last: plan.hotel.checkOut },
        { first: priced.hotel.checkIn, last: priced.hotel.checkOut },
        'checks in',
      ),
    );
  }
  if (!plan.flight && !plan.hotel && plan.car && priced.car) {
    out.push(
      ...stayShift(
        { first: plan.car.pickupDate, last: plan.car.dropoffDate },
        { first: priced.car.pickupDate, last: priced.car.dropoffDate },
        'picks up',
      ),
    );
  }
  if (option.hotel && plan.hotel) out.push(...hotelBreaches(option.hotel, plan.hotel));
  if (option.car && plan.car) out.push(...carBreaches(option.car, plan.car));
  if (plan.budgetTotal !== null && option.total > plan.budgetTotal) {
    const over = option.total - plan.budgetTotal;
    out.push({
      kind: 'budget',
      text: `${dollars(over)} over your ${dollars(plan.budgetTotal)} budget`,
      cost: 1 + (10 * over) / plan.budgetTotal,
    });
  }
  return out;
}

/** The request's constraints on one search, in words: "nonstop flights BOS → DEN on Fri, Dec 18, back Sun, Dec 20". */
export function statedSearch(plan: TripPlan, part: 'flights' | 'hotels' | 'cars'): string {
  if (part === 'flights' && plan.flight) {
    const f = plan.flight;
    const stops = f.maxStops === 0 ? 'nonstop ' : f.maxStops === 1 ? 'one-stop or nonstop ' : '';
    const cabin = f.cabin === 'economy' ? '' : `${cabinName(f.cabin)}${f.cabin === 'premium_economy' ? '' : ' class'} `;
    const airline = f.airline ? ` on ${f.airline}` : '';
    const back = f.returnDate ? `, back ${dayName(f.returnDate)}` : '';
    return `${stops}${cabin}flight${airline} ${f.origin} → ${f.destination} on ${dayName(f.departDate)}${back} for ${plan.party}`;
  }
  if (part === 'hotels' && plan.hotel) {
    const h = plan.hotel;
    const stars = h.minStars ? `${h.minStars}-star ` : '';
    const amenities = h.amenities.length > 0 ? ` with ${h.amenities.join(' and ').replace(/_/g, ' ')}` : '';
    const cap = h.maxNightly !== null ? ` under ${dollars(h.maxNightly)} a night` : '';
    return `${stars}hotel${amenities}${cap} in ${h.place} with rooms free ${dayName(h.checkIn)} to ${dayName(h.checkOut)}`;
  }
  if (part === 'cars' && plan.car) {
    const c = plan.car;
    const type = c.carType ? `${carClassName(c.carType)} ` : '';
    return `${type}rental car at ${c.place} ${dayName(c.pickupDate)} to ${dayName(c.dropoffDate)}`;
  }
  return part;
}
