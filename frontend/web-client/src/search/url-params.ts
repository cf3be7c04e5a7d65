// Results pages keep the whole search in the URL (criteria, filters, sort), named as the search API names them, so
// a reload or a shared link shows the same results and the URL is passed to the API as it is.

/** The URL's values for the API's known parameters only; lists stay comma-separated, as the API accepts them. */
export function pickParams(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) picked[key] = value;
  }
  return picked;
}

/** A copy with one parameter set (or removed when empty). */
export function withParam(params: URLSearchParams, key: string, value: string | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === undefined || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}

export const listParam = (params: URLSearchParams, key: string): string[] =>
  (params.get(key) ?? '').split(',').filter(Boolean);

/** A copy with one value added to or taken out of a comma-separated list. */
export function toggledInList(params: URLSearchParams, key: string, value: string, on: boolean): URLSearchParams {
  const values = new Set(listParam(params, key));
  if (on) values.add(value);
  else values.delete(value);
  return withParam(params, key, [...values].join(','));
}

export const FLIGHT_KEYS = [
  'origin',
  'destination',
  'date',
  'returnDate',
  'originRadiusKm',
  'destinationRadiusKm',
  'passengers',
  'cabin',
  'maxPrice',
  'maxStops',
  'via',
  'maxLayoverMin',
  'separateTickets',
  'airlines',
  'departAfter',
  'departBefore',
  'arriveAfter',
  'arriveBefore',
  'returnDepartAfter',
  'returnDepartBefore',
  'returnArriveAfter',
  'returnArriveBefore',
  'maxDurationMin',
  'refundable',
  'sort',
  'outboundId',
] as const;

export const HOTEL_KEYS = [
  'city',
  'checkIn',
  'checkOut',
  'guests',
  'rooms',
  'minPrice',
  'maxPrice',
  'stars',
  'minRating',
  'amenities',
  'neighborhood',
  'freeCancellation',
  'sort',
] as const;

export const CAR_KEYS = [
  'location',
  'pickupDate',
  'pickupTime',
  'dropoffDate',
  'dropoffTime',
  'carTypes',
  'companies',
  'maxPrice',
  'minSeats',
  'transmission',
  'sort',
] as const;

/** The criteria a details page and checkout carry on (dates, party), without the result filters. */
export function stayParams(params: URLSearchParams, keys: readonly string[]): string {
  return new URLSearchParams(pickParams(params, keys)).toString();
}
