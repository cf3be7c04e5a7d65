// Checks a concierge bundle against what the traveler stated, independently of the agent's own checks: every
// stated constraint a bundle breaks must be one it says it relaxes, and some (the party, the places) never may be.

interface Leg {
  origin: { code: string };
  destination: { code: string };
  departLocal: string;
  stops: number;
  cabin: string;
  airlines: { code: string }[];
  totalPrice: { amount: number };
}
export interface CheckedBundle {
  label: string;
  party: number;
  flight:
    (Leg & { totalPrice: { amount: number } }) | { outbound: Leg; return: Leg; totalPrice: { amount: number } } | null;
  hotel: {
    city: { code: string };
    stars: number;
    amenities: string[];
    nightlyPrice: { amount: number };
    totalPrice: { amount: number };
    checkIn: string;
    checkOut: string;
  } | null;
  car: {
    location: { code: string };
    carClass: string;
    totalPrice: { amount: number };
    pickupDate: string;
    dropoffDate: string;
  } | null;
  total: { amount: number };
  relaxes?: { kind: string; text: string }[];
  destination?: { code: string; themes: string[] } | null;
}

/** What a request states, written by hand next to its words. Dates are YYYY-MM-DD; money in cents. */
export interface Stated {
  from?: string;
  to?: string;
  depart?: string;
  back?: string;
  /** The outbound leaves on a Friday and the return two days later ("next Friday, back Sunday"). */
  fridayToSunday?: boolean;
  oneWay?: boolean;
  maxStops?: number;
  airline?: string;
  cabin?: string;
  party?: number;
  noRedEyes?: boolean;
  hotelIn?: string;
  checkIn?: string;
  checkOut?: string;
  minStars?: number;
  amenities?: string[];
  maxNightly?: number;
  carAt?: string;
  pickup?: string;
  dropoff?: string;
  carType?: string;
  budget?: number;
  /** Somewhere with this theme (Explore). */
  theme?: string;
  parts: ('flight' | 'hotel' | 'car')[];
}

// The metro areas the requests name (packages/travel-data/src/metro-areas.ts): a stated city allows any of them.
const METROS: Record<string, string[]> = {
  NYC: ['JFK', 'LGA', 'EWR'],
  CHI: ['ORD', 'MDW'],
  WAS: ['IAD', 'DCA', 'BWI'],
  HOU: ['IAH', 'HOU'],
};
const areaOf = (code: string) => new Set([code, ...(METROS[code] ?? [])]);
const samePlace = (stated: string, got: string) => [...areaOf(stated)].some((c) => areaOf(got).has(c));
const legsOf = (flight: NonNullable<CheckedBundle['flight']>): Leg[] =>
  'outbound' in flight ? [flight.outbound, flight.return] : [flight];
const dayOf = (local: string) => local.slice(0, 10);
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function flightBreaches(b: CheckedBundle, s: Stated): string[] {
  if (!b.flight) return s.parts.includes('flight') ? ['missing-flight'] : [];
  const out: string[] = [];
  const legs = legsOf(b.flight);
  const [away, back] = [legs[0]!, legs[1]];
  if (s.from && !samePlace(s.from, away.origin.code)) out.push('airports');
  if (s.to && !samePlace(s.to, away.destination.code)) out.push('airports');
  if (s.depart && dayOf(away.departLocal) !== s.depart) out.push('dates');
  if (s.back && (!back || dayOf(back.departLocal) !== s.back)) out.push('dates');
  if (s.oneWay && back) out.push('one-way');
  if (s.fridayToSunday) {
    const d = dayOf(away.departLocal);
    if (weekday(d) !== 5 || !back || daysBetween(d, dayOf(back.departLocal)) !== 2) out.push('dates');
  }
  if (s.maxStops !== undefined && legs.some((l) => l.stops > s.maxStops!)) out.push('stops');
  if (s.airline && legs.some((l) => l.airlines.some((a) => a.code !== s.airline))) out.push('airline');
  if (s.cabin && legs.some((l) => l.cabin !== s.cabin)) out.push('cabin');
  if (
    s.noRedEyes &&
    legs.some((l) => Number(l.departLocal.slice(11, 13)) >= 21 || Number(l.departLocal.slice(11, 13)) < 6)
  ) {
    out.push('red-eye');
  }
  return out;
}

function hotelBreaches(b: CheckedBundle, s: Stated): string[] {
  if (!b.hotel) return s.parts.includes('hotel') ? ['missing-hotel'] : [];
  const h = b.hotel;
  const out: string[] = [];
  const city = s.hotelIn ?? s.to;
  // A hotel around the city, not in it, is "a little further out": an alternative may say so.
  if (city && !samePlace(city, h.city.code)) out.push('distance');
  if (b.destination && h.city.code !== b.destination.code && !samePlace(b.destination.code, h.city.code)) {
    out.push('place');
  }
  if ((s.checkIn && h.checkIn !== s.checkIn) || (s.checkOut && h.checkOut !== s.checkOut)) out.push('dates');
  if (s.minStars !== undefined && h.stars < s.minStars) out.push('stars');
  if (s.amenities && s.amenities.some((a) => !h.amenities.includes(a))) out.push('amenities');
  if (s.maxNightly !== undefined && h.nightlyPrice.amount > s.maxNightly) out.push('nightly-price');
  return out;
}

function carBreaches(b: CheckedBundle, s: Stated): string[] {
  if (!b.car) return s.parts.includes('car') ? ['missing-car'] : [];
  const c = b.car;
  const out: string[] = [];
  const at = s.carAt ?? s.to;
  if (at && !samePlace(at, c.location.code)) out.push('place');
  if ((s.pickup && c.pickupDate !== s.pickup) || (s.dropoff && c.dropoffDate !== s.dropoff)) out.push('dates');
  if (s.carType && c.carClass !== s.carType) out.push('car-type');
  return out;
}

/**
 * Every stated constraint the bundle breaks, by kind ('dates', 'stops', 'budget'…). Kinds no alternative may relax
 * ('place', 'party', 'missing-…', 'total', 'one-way', 'red-eye', 'theme') are reported the same way.
 */
export function breachesOf(b: CheckedBundle, s: Stated): string[] {
  const out = [...flightBreaches(b, s), ...hotelBreaches(b, s), ...carBreaches(b, s)];
  if (s.party !== undefined && b.party !== s.party) out.push('party');
  if (s.budget !== undefined && b.total.amount > s.budget) out.push('budget');
  const parts =
    (b.flight?.totalPrice.amount ?? 0) + (b.hotel?.totalPrice.amount ?? 0) + (b.car?.totalPrice.amount ?? 0);
  if (parts !== b.total.amount) out.push('total');
  if (s.theme && !b.destination?.themes.includes(s.theme)) out.push('theme');
  return [...new Set(out)];
}

/** The breaches a bundle does not own up to: must be none. */
export function unlabelledBreaches(b: CheckedBundle, s: Stated): string[] {
  const said = new Set((b.relaxes ?? []).map((r) => r.kind));
  return breachesOf(b, s).filter((kind) => !said.has(kind));
}
