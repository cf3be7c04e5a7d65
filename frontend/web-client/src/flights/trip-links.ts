// Where a flight result leads: checkout books every flight of the trip (an itinerary's legs, both directions of a
// round trip), and a flight's page opened from a result keeps the whole trip, so "Select" there books all of it.

/** A trip: an itinerary's id (its flights' ids joined by `-`) or a round trip's (two itineraries joined by `+`). */
export const flightIdsOf = (tripId: string): string[] => tripId.split(/[+-]/).filter((id) => /^\d{1,18}$/.test(id));

export interface Party {
  cabin: string;
  passengers: string;
}

export function partyOf(params: URLSearchParams): Party {
  return { cabin: params.get('cabin') ?? 'economy', passengers: params.get('passengers') ?? '1' };
}

/** Checkout for every flight of a trip, in one cabin, for the party. */
export function checkoutPath(flightIds: readonly string[], party: Party): string {
  const query = new URLSearchParams(flightIds.map((id) => ['flight', id]));
  query.set('cabin', party.cabin);
  query.set('passengers', party.passengers);
  return `/checkout?${query.toString()}`;
}

/**
 * One flight's page, opened from a trip: `trip` names every flight to book with it; `next`, when the trip is not
 * chosen yet (a departing flight before its return), is the results step to go on to instead of checkout.
 */
export function detailsPath(flightId: string, party: Party, trip: string, next?: string): string {
  const query = new URLSearchParams({ cabin: party.cabin, passengers: party.passengers, trip });
  if (next) query.set('next', next);
  return `/flights/${flightId}?${query.toString()}`;
}

/** A `next` step from the address bar, kept only when it is one of our own results pages (never another site). */
export const safeNext = (next: string | null): string | null =>
  next && /^\/flights\?[^\\]*$/.test(next) && !next.startsWith('//') ? next : null;
