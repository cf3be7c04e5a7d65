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

/** Each code in words, as travelers read it ("Full-size", "SUV"): typed by the lists, so a new code needs its words. */
export const CABIN_LABELS: Record<Cabin, string> = {
  economy: 'Economy',
  premium_economy: 'Premium economy',
  business: 'Business',
  first: 'First',
};

export const AMENITY_LABELS: Record<HotelAmenity, string> = {
  wifi: 'Wi-Fi',
  breakfast: 'Breakfast',
  parking: 'Parking',
  pool: 'Pool',
  gym: 'Gym',
  spa: 'Spa',
  pet_friendly: 'Pet-friendly',
  airport_shuttle: 'Airport shuttle',
  near_transit: 'Near transit',
  free_cancellation: 'Free cancellation',
};

export const CAR_CLASS_LABELS: Record<CarClass, string> = {
  economy: 'Economy',
  compact: 'Compact',
  standard: 'Standard',
  full_size: 'Full-size',
  sedan: 'Sedan',
  hatchback: 'Hatchback',
  suv: 'SUV',
  van: 'Van',
  luxury: 'Luxury',
  convertible: 'Convertible',
  pickup: 'Pickup truck',
};
