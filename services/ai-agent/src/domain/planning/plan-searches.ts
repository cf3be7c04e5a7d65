import { SearchRefused, type SearchApi } from '../../clients/search.client.ts';
import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import type { FlightChoice } from './bundle.types.ts';
import type { TripPlan } from './trip-request.rules.ts';

export type SearchPart = 'flights' | 'hotels' | 'cars';

/** What one search found: its leading options and how many there are in all. */
export interface Found<T> {
  items: T[];
  total: number;
}

/** Extra flight filters an alternative loosens: airports within this many km of the origin and destination. */
export interface FlightWidening {
  radiusKm?: number;
}

/**
 * Runs a search, and once more when it fails for any reason but a refusal (the request itself is wrong) or the
 * plan being stopped: a cold or busy search usually answers the second time.
 */
export async function retriedOnce<T>(run: () => Promise<T>, signal: AbortSignal): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof SearchRefused || signal.aborted) throw err;
    return run();
  }
}

export function searchFlights(
  search: SearchApi,
  plan: TripPlan,
  signal: AbortSignal,
  widening: FlightWidening = {},
): Promise<Found<FlightChoice>> {
  const f = plan.flight!;
  const query = {
    origin: f.origin,
    destination: f.destination,
    date: f.departDate,
    returnDate: f.returnDate,
    passengers: plan.party,
    cabin: f.cabin,
    maxStops: f.maxStops,
    airlines: f.airline ? [f.airline] : undefined,
    maxPrice: f.maxPrice,
    originRadiusKm: widening.radiusKm,
    destinationRadiusKm: widening.radiusKm,
    // Red-eyes leave between 21:00 and 06:00 local time.
    ...(plan.avoidRedEyes ? { departAfter: '06:00', departBefore: '20:59' } : {}),
    sort: 'best',
    limit: 20,
  };
  return retriedOnce(() => search.flights(query, signal), signal);
}

/** Around a point instead of in the city: hotels "a little further out". */
export interface Around {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export async function searchHotels(
  search: SearchApi,
  plan: TripPlan,
  signal: AbortSignal,
  around?: Around,
): Promise<Found<HotelOption>> {
  const h = plan.hotel!;
  const query = {
    ...(around ?? { city: h.place }),
    checkIn: h.checkIn,
    checkOut: h.checkOut,
    guests: h.guests,
    rooms: h.rooms,
    stars: h.minStars ? [1, 2, 3, 4, 5].filter((s) => s >= h.minStars!).map(String) : undefined,
    maxPrice: h.maxNightly,
    amenities: h.amenities.length > 0 ? h.amenities : undefined,
    limit: 15,
  };
  // The best rated and the cheapest: the bundles need both ends.
  const [rated, cheap] = await Promise.all([
    retriedOnce(() => search.hotels({ ...query, sort: 'rating' }, signal), signal),
    retriedOnce(() => search.hotels({ ...query, sort: 'price' }, signal), signal),
  ]);
  return { items: [...new Map([...rated.items, ...cheap.items].map((x) => [x.id, x])).values()], total: rated.total };
}

export function searchCars(search: SearchApi, plan: TripPlan, signal: AbortSignal): Promise<Found<CarOption>> {
  const c = plan.car!;
  const query = {
    location: c.place,
    pickupDate: c.pickupDate,
    pickupTime: c.pickupTime,
    dropoffDate: c.dropoffDate,
    dropoffTime: c.dropoffTime,
    carTypes: c.carType ? [c.carType] : undefined,
    sort: 'price',
    limit: 10,
  };
  return retriedOnce(() => search.cars(query, signal), signal);
}
