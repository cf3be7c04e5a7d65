import type { ExploreWish, IntentRequest } from '@tripwise/contracts';
import { findPlaces } from './places.rules.ts';
import { emptyFlight } from './request.shapes.ts';

// "Somewhere warm", "anywhere under $800", "a beach trip": no destination named, a kind of place instead. Each theme
// is one of Explore's (search's `theme`); "anywhere" alone is no theme.
const SOMEWHERE = /\b(?:somewhere|anywhere|some ?place|any ?place|any destination|wherever)\b/i;
const THEMES: { theme: NonNullable<ExploreWish['theme']>; words: RegExp }[] = [
  { theme: 'beach', words: /\b(?:beach(?:y|es)?|seaside|by the sea|on the coast|oceanfront)\b/i },
  { theme: 'ski', words: /\b(?:ski(?:ing)?|snowboard(?:ing)?|slopes)\b/i },
  { theme: 'national parks', words: /\bnational parks?\b/i },
  { theme: 'warm', words: /\b(?:warm(?:er)?|sunny|sunshine|hot|tropical|the sun)\b/i },
];
// "A beach trip", "a ski weekend", "a warm getaway": the theme names the trip itself.
const THEMED_TRIP =
  /\b(?:beach|ski|warm|sunny|tropical)\s+(?:trip|vacation|holiday|getaway|weekend|break|escape|destination)\b/i;

/** The kind of place a message asks for instead of a destination, or null when it asks for none. */
export function exploreWishIn(text: string): ExploreWish | null {
  const somewhere = SOMEWHERE.exec(text);
  const themedTrip = THEMED_TRIP.exec(text);
  if (!somewhere && !themedTrip) return null;
  // The theme is said near "somewhere" ("somewhere warm", "anywhere with a beach"), or names the trip.
  const near = somewhere ? text.slice(somewhere.index, somewhere.index + somewhere[0].length + 30) : '';
  const themeIn = (words: string) => THEMES.find((t) => t.words.test(words))?.theme ?? null;
  return { theme: themeIn(near) ?? (themedTrip ? themeIn(themedTrip[0]) : null) };
}

/**
 * A message asking for somewhere rather than a place: the request explores (the planner asks Explore where to go),
 * and the one place it names is where the trip leaves from ("SFO to anywhere warm"). A destination named later
 * ends the exploring; a message saying neither keeps what was asked before.
 */
export function withExploreWish(request: IntentRequest, before: IntentRequest, text: string): IntentRequest {
  const wish = exploreWishIn(text);
  const destination = request.flight?.destination ?? null;
  const namedNow = destination !== null && destination.city !== before.flight?.destination?.city;
  if (!wish) return namedNow ? { ...request, explore: null } : { ...request, explore: before.explore ?? null };
  const flight = request.flight;
  if (!flight) return travelling(request, wish, text);
  if (destination === null) return { ...request, explore: wish };
  // "Actually, somewhere warm instead": the destination said before gives way to exploring.
  if (!namedNow) {
    return {
      ...request,
      explore: wish,
      flight: { ...flight, destination: null },
      hotel: unplaced(request, destination),
    };
  }
  // Both ends named ("Boston to Denver, anywhere downtown"): a trip to a place, not exploring.
  if (flight.origin !== null || !namedBefore(text, destination, SOMEWHERE.exec(text)?.index ?? -1)) {
    return { ...request, explore: null };
  }
  const hotel = unplaced(request, destination);
  return { ...request, explore: wish, flight: { ...flight, origin: destination, destination: null }, hotel };
}

/** The stay that followed the destination follows the destination Explore will find instead. */
function unplaced(request: IntentRequest, destination: { city: string }): IntentRequest['hotel'] {
  const hotel = request.hotel;
  return hotel && hotel.city === destination.city ? { ...hotel, city: null } : hotel;
}

/**
 * "Somewhere warm from Boston for 4 nights" read as a stay in Boston: going somewhere is a flight, from the place
 * said after "from"; a stay or a rental there follows the destination Explore finds instead.
 */
function travelling(request: IntentRequest, wish: ExploreWish, text: string): IntentRequest {
  const from =
    findPlaces(text).find((mention) =>
      /\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, mention.start - 9), mention.start)),
    )?.place ?? null;
  const elsewhere = (city: string | null) => (from !== null && city === from.city ? null : city);
  return {
    ...request,
    explore: wish,
    flight: { ...emptyFlight(), origin: from },
    hotel: request.hotel && { ...request.hotel, city: elsewhere(request.hotel.city) },
    car: request.car && { ...request.car, pickupCity: elsewhere(request.car.pickupCity) },
  };
}

/** The place is said before the "somewhere" word (by its code or its city's name). */
function namedBefore(text: string, place: { code: string | null; city: string }, at: number): boolean {
  if (at < 0) return false;
  const said = text.slice(0, at).toLowerCase();
  return said.includes(place.city.toLowerCase()) || (place.code !== null && said.includes(place.code.toLowerCase()));
}
