/*
 * The one list of each kind of thing the marketplace sells: cabins, hotel amenities and car classes. Search's
 * inventory (and its tables' CHECK lists), the flight network generator, the API's schemas, the AI concierge and
 * the frontends all read these, so a new amenity is added here and nowhere else.
 */

export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];

export const HOTEL_AMENITIES = [
  'wifi',
  'breakfast',
  'parking',
  'pool',
  'gym',
  'spa',
  'pet_friendly',
  'airport_shuttle',
  'near_transit',
  'free_cancellation',
] as const;
export type HotelAmenity = (typeof HOTEL_AMENITIES)[number];

/** In the order of search's CHECK list (0001_inventory.sql). */
export const CAR_CLASSES = [
  'economy',
  'compact',
  'standard',
  'full_size',
  'sedan',
  'hatchback',
  'suv',
  'van',
  'luxury',
  'convertible',
  'pickup',
] as const;
export type CarClass = (typeof CAR_CLASSES)[number];

/** What Explore (and the concierge's "somewhere warm") can look for: search's themes of a destination. */
export const EXPLORE_THEMES = ['warm', 'beach', 'city', 'ski', 'national parks'] as const;
