import { z } from 'zod';
import { isoDateSchema, moneySchema } from './common.ts';
import { CABINS, CAR_CLASSES, EXPLORE_THEMES, HOTEL_AMENITIES } from './vocabulary.ts';

/**
 * The AI concierge's structured reading of a conversation: what the traveller wants (`intent`), the slots of each
 * search it has understood so far, and what it still needs to ask. Every slot is `null` until the traveller says it.
 *
 * Money follows the house rule: integer minor units plus an ISO 4217 code, never a float, so "$400" is
 * `{ amount: 40000, currency: "USD" }` and "¥30,000" is `{ amount: 30000, currency: "JPY" }` (the yen has no minor unit).
 */
export const intentNameSchema = z.enum([
  'plan_trip',
  'search_flights',
  'search_hotels',
  'search_cars',
  'refine',
  'book',
  'watch_price',
  'policy_question',
  'other',
]);

/** A time of day on the traveller's clock, `HH:MM` (24 hours). */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 13:30');

/** A place as the traveller named it: an IATA airport or metro code (`NYC` covers JFK, LGA and EWR) and its city. */
export const placeSchema = z.object({
  code: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  city: z.string().min(1),
});

export const cabinSchema = z.enum(CABINS);

/** A part of the day as travellers say it: morning 05–12, afternoon 12–17, evening 17–21, night 21–05. */
export const dayPeriodSchema = z.enum(['morning', 'afternoon', 'evening', 'night']);

/**
 * When in the day a flight should leave, as the traveller said it: a part of the day ("on December 5 in the
 * evening"), a clock time ("12/05 9:30am"), or both ("at 7 in the evening"). A wish to rank by, not a hard limit.
 */
export const flightTimeSchema = z.object({
  period: dayPeriodSchema.nullable(),
  at: clockTimeSchema.nullable(),
});

export const flightRequestSchema = z.object({
  origin: placeSchema.nullable(),
  destination: placeSchema.nullable(),
  departDate: isoDateSchema.nullable(),
  returnDate: isoDateSchema.nullable(),
  passengers: z.number().int().positive().nullable(),
  cabin: cabinSchema.nullable(),
  /** 0 for nonstop; null when the traveller did not say. */
  maxStops: z.number().int().min(0).nullable(),
  /** IATA code of the airline the traveller asked for, e.g. `DL`. */
  airline: z
    .string()
    .regex(/^[A-Z0-9]{2}$/)
    .nullable(),
  /** When in the day the outbound flight should leave; null when not said. */
  departTime: flightTimeSchema.nullable().default(null),
  /** When in the day the return flight should leave; null when not said. */
  returnTime: flightTimeSchema.nullable().default(null),
  /** true: "avoid red-eyes" (no overnight flight); false: "red-eyes are fine"; null when not said. */
  avoidRedEyes: z.boolean().nullable().default(null),
});

export const hotelAmenitySchema = z.enum(HOTEL_AMENITIES);

export const hotelRequestSchema = z.object({
  city: z.string().min(1).nullable(),
  checkIn: isoDateSchema.nullable(),
  checkOut: isoDateSchema.nullable(),
  nights: z.number().int().positive().nullable(),
  guests: z.number().int().positive().nullable(),
  rooms: z.number().int().positive().nullable(),
  minStars: z.number().int().min(1).max(5).nullable(),
  /** Highest price for one night, in minor units with its currency (see the note on money above). */
  maxNightlyPrice: moneySchema.nullable(),
  amenities: z.array(hotelAmenitySchema),
});

export const carTypeSchema = z.enum(CAR_CLASSES);

export const carRequestSchema = z.object({
  pickupCity: z.string().min(1).nullable(),
  pickupDate: isoDateSchema.nullable(),
  pickupTime: clockTimeSchema.nullable(),
  dropoffDate: isoDateSchema.nullable(),
  dropoffTime: clockTimeSchema.nullable(),
  carType: carTypeSchema.nullable(),
});

/** How far the traveller wants to spend: `amount` is in minor units of `currency` (see the note on money above). */
export const budgetSchema = moneySchema.extend({
  per: z.enum(['total', 'person', 'night', 'day']),
});

/**
 * Who travels, when the traveller said more than a head count ("two adults and a kid", "me, my wife and our baby").
 * Children and infants are counted in `flight.passengers` and `hotel.guests` too; this says how they split, for
 * fares and rooms that depend on age. `adults` is null when only the children were counted ("with my two kids").
 */
export const partySchema = z.object({
  adults: z.number().int().positive().nullable(),
  children: z.number().int().min(0),
  infants: z.number().int().min(0),
});

/**
 * A period named instead of a day ("in March", "the first week of March", "the weekend after next"): the request's
 * first day is the period's first suitable day, and a planner may move it anywhere from `from` to `to`.
 */
export const dateWindowSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
});

/**
 * "A cheaper hotel", "a nicer hotel", "a cheaper flight": a wish relative to the option the traveller was shown
 * last, which only the planner knows. It holds for the turn that says it; the next turn starts without it.
 */
export const relativeWishSchema = z.object({
  search: z.enum(['flight', 'hotel', 'car']),
  want: z.enum(['cheaper', 'nicer']),
});

/**
 * "Somewhere warm", "a beach", "anywhere under $800": no destination, but what it should be like (`theme`, null for
 * anywhere). The planner asks Explore for destinations instead of asking where to go.
 */
export const exploreWishSchema = z.object({
  theme: z.enum(EXPLORE_THEMES).nullable(),
});

/** "Let me know when it drops below $300" / "when fewer than 3 seats are left". */
export const watchSchema = z.object({
  priceBelow: moneySchema.nullable(),
  inventoryBelow: z.number().int().positive().nullable(),
});

export const intentSlotSchema = z.enum([
  'origin',
  'destination',
  'departDate',
  'returnDate',
  'city',
  'checkIn',
  'checkOut',
  'pickupCity',
  'pickupDate',
  'dropoffDate',
  'watchThreshold',
]);

export const intentRequestSchema = z.object({
  intent: intentNameSchema,
  flight: flightRequestSchema.nullable(),
  hotel: hotelRequestSchema.nullable(),
  car: carRequestSchema.nullable(),
  budget: budgetSchema.nullable(),
  watch: watchSchema.nullable(),
  /** Slots a search of this intent still needs, most important first. */
  missing: z.array(intentSlotSchema),
  /** The one clarifying question to ask next (about `missing[0]`), or null when nothing is missing. */
  question: z.string().nullable(),
  /** How the party splits into adults, children and infants, when the traveller said so. */
  party: partySchema.nullable().default(null),
  /** The period the traveller named instead of a day, when they did. */
  dateWindow: dateWindowSchema.nullable().default(null),
  /** Wishes relative to the option shown last ("a cheaper hotel"), for this turn only. */
  relative: z.array(relativeWishSchema).default([]),
  /** No destination named, but a kind of place ("somewhere warm", "anywhere"): null otherwise. */
  explore: exploreWishSchema.nullable().default(null),
});

export type IntentName = z.infer<typeof intentNameSchema>;
export type Place = z.infer<typeof placeSchema>;
export type DayPeriod = z.infer<typeof dayPeriodSchema>;
export type FlightTime = z.infer<typeof flightTimeSchema>;
export type Party = z.infer<typeof partySchema>;
export type DateWindow = z.infer<typeof dateWindowSchema>;
export type RelativeWish = z.infer<typeof relativeWishSchema>;
export type FlightRequest = z.infer<typeof flightRequestSchema>;
export type HotelRequest = z.infer<typeof hotelRequestSchema>;
export type CarType = z.infer<typeof carTypeSchema>;
export type CarRequest = z.infer<typeof carRequestSchema>;
export type Budget = z.infer<typeof budgetSchema>;
export type Watch = z.infer<typeof watchSchema>;
export type ExploreWish = z.infer<typeof exploreWishSchema>;
export type IntentSlot = z.infer<typeof intentSlotSchema>;
export type IntentRequest = z.infer<typeof intentRequestSchema>;
