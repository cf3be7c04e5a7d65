import { z } from 'zod';
import { cabinSchema, carTypeSchema, hotelAmenitySchema } from './intent.ts';
import { BOOKING_WINDOW, lengthProblem } from './booking-window.rules.ts';

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'a three-letter airport, city or metro code such as DEN or NYC' });
const date = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time as HH:MM' });
const money = z.coerce.number({ error: 'an amount in minor units (cents)' }).int().nonnegative();
/** `a,b,c` or repeated parameters, as browsers and forms send lists. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(20),
  );
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const page = { limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(500).optional() };

/** An itinerary: its legs' flight ids joined by `-` (a nonstop's id is its flight's). */
export const itineraryIdSchema = z
  .string()
  .regex(/^\d{1,18}(-\d{1,18}){0,2}$/, { error: "an itinerary id: its flights' ids joined by -" });
const airport = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'three-letter airport codes' });
const radiusKm = z.coerce.number().min(0).max(300);

export const flightSearchSchema = z
  .object({
    origin: code,
    destination: code,
    date,
    returnDate: date.optional(),
    /** Also airports within this many km of the origin (destination): nearby airports. */
    originRadiusKm: radiusKm.optional(),
    destinationRadiusKm: radiusKm.optional(),
    passengers: z.coerce.number().int().min(1).max(9).default(1),
    cabin: cabinSchema.default('economy'),
    /** Per person: one way, or the whole round trip when a return date is given. */
    maxPrice: money.optional(),
    maxStops: z.coerce.number().int().min(0).max(2).optional(),
    /** Only connections at these airports (nonstops always pass). */
    via: list(airport).optional(),
    maxLayoverMin: z.coerce.number().int().positive().optional(),
    /** `false`: only itineraries sold on one ticket. */
    separateTickets: bool.optional(),
    airlines: list(
      z
        .string()
        .toUpperCase()
        .regex(/^[A-Z0-9]{2}$/, { error: 'two-character airline codes' }),
    ).optional(),
    departAfter: clock.optional(),
    departBefore: clock.optional(),
    arriveAfter: clock.optional(),
    arriveBefore: clock.optional(),
    /** The return's departure and arrival windows (round trips); without them the outbound's apply both ways. */
    returnDepartAfter: clock.optional(),
    returnDepartBefore: clock.optional(),
    returnArriveAfter: clock.optional(),
    returnArriveBefore: clock.optional(),
    maxDurationMin: z.coerce.number().int().positive().optional(),
    refundable: bool.optional(),
    sort: z.enum(['best', 'price', 'duration', 'departure']).default('best'),
    /**
     * Round trips: `combinations` pairs outbounds and returns, each used once; `outbounds` lists every outbound with
     * its best return (to choose the outbound first); with `outboundId`, the returns that fit that outbound.
     */
    view: z.enum(['combinations', 'outbounds']).default('combinations'),
    outboundId: itineraryIdSchema.optional(),
    ...page,
  })
  .refine((q) => !q.outboundId || q.returnDate, { path: ['outboundId'], message: 'needs a return date' })
  .refine((q) => !q.returnDate || q.returnDate >= q.date, {
    path: ['returnDate'],
    message: 'must not be before the departure date',
  })
  .refine((q) => q.origin !== q.destination, { path: ['destination'], message: 'must differ from the origin' });

export const hotelSearchSchema = z
  .object({
    city: code.optional(),
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().positive().max(100).default(15),
    checkIn: date,
    checkOut: date,
    guests: z.coerce.number().int().min(1).max(16).default(2),
    rooms: z.coerce.number().int().min(1).max(8).default(1),
    minPrice: money.optional(),
    maxPrice: money.optional(),
    stars: list(z.coerce.number().int().min(1).max(5)).optional(),
    minRating: z.coerce.number().min(0).max(10).optional(),
    amenities: list(hotelAmenitySchema).optional(),
    neighborhood: z.string().trim().min(1).max(100).optional(),
    freeCancellation: bool.optional(),
    sort: z.enum(['price', 'rating', 'stars', 'distance']).default('price'),
    ...page,
  })
  .refine((q) => q.checkOut > q.checkIn, { path: ['checkOut'], message: 'must be after the check-in date' })
  .refine((q) => !lengthProblem('stay', q.checkIn, q.checkOut), {
    path: ['checkOut'],
    message: `a stay is at most ${BOOKING_WINDOW.maxNights} nights`,
  })
  .refine((q) => q.city !== undefined || (q.latitude !== undefined && q.longitude !== undefined), {
    path: ['city'],
    message: 'give a city code, or latitude and longitude',
  })
  .refine((q) => q.guests >= q.rooms, { path: ['guests'], message: 'at least one guest per room' });

export const carSearchSchema = z
  .object({
    location: code,
    pickupDate: date,
    pickupTime: clock.default('10:00'),
    dropoffDate: date,
    dropoffTime: clock.default('10:00'),
    carTypes: list(carTypeSchema).optional(),
    companies: list(z.string().trim().min(1).max(40)).optional(),
    maxPrice: money.optional(),
    minSeats: z.coerce.number().int().min(1).max(15).optional(),
    transmission: z.enum(['automatic', 'manual']).optional(),
    sort: z.enum(['price', 'seats', 'company']).default('price'),
    ...page,
  })
  .refine((q) => `${q.dropoffDate}T${q.dropoffTime}` > `${q.pickupDate}T${q.pickupTime}`, {
    path: ['dropoffDate'],
    message: 'must be after the pick-up',
  })
  .refine((q) => !lengthProblem('rental', q.pickupDate, q.dropoffDate), {
    path: ['dropoffDate'],
    message: `a rental is at most ${BOOKING_WINDOW.maxRentalDays} days`,
  });

export const placeSearchSchema = z.object({
  q: z.string().trim().min(1, { error: 'type at least one letter' }).max(60),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export type FlightSearch = z.infer<typeof flightSearchSchema>;
export type HotelSearch = z.infer<typeof hotelSearchSchema>;
export type CarSearch = z.infer<typeof carSearchSchema>;
