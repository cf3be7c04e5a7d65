import { z } from 'zod';
import { cabinSchema, carTypeSchema, hotelAmenitySchema } from './intent.ts';

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'a three-letter airport or city code' });
const text = (max: number) => z.string().trim().min(1, { error: 'required' }).max(max);
const price = z.number().int().positive({ error: 'a price above zero' }).max(100_000_00);
/**
 * Descriptions are plain text: markup is taken out before it is stored (and pages render it as text), so an owner's
 * description can never carry a script or a link a traveler did not expect.
 */
const plainText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) =>
      s
        .replace(/<[^>]*>?/g, ' ')
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim(),
    )
    .pipe(z.string().max(max));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time as HH:MM' });

export const roomTypeInputSchema = z.strictObject({
  id: z.string().regex(/^\d+$/).optional(),
  name: text(80),
  capacity: z.number().int().min(1).max(12),
  units: z.number().int().min(0).max(2_000),
  nightlyPrice: price,
});

export const hotelPoliciesSchema = z.strictObject({
  refundWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  petsAllowed: z.boolean(),
  breakfastIncluded: z.boolean(),
  parking: z.enum(['free', 'paid', 'none']),
  checkInTime: clock,
  checkOutTime: clock,
});

export const hotelListingSchema = z.strictObject({
  name: text(120),
  cityCode: code,
  city: text(80),
  country: text(80),
  address: text(200),
  neighborhood: text(80),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  stars: z.number().int().min(1).max(5),
  amenities: z.array(hotelAmenitySchema).max(10).default([]),
  policies: hotelPoliciesSchema,
  description: plainText(2_000).default(''),
  rooms: z.array(roomTypeInputSchema).min(1).max(20),
});

export const carPoliciesSchema = z.strictObject({
  freeCancellationHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  mileage: z.enum(['unlimited', 'limited']),
  minimumDriverAge: z.number().int().min(16).max(30),
  fuelPolicy: z.enum(['full_to_full', 'prepaid', 'same_to_same']),
});

export const carListingSchema = z.strictObject({
  company: text(60),
  locationCode: code,
  city: text(80),
  carClass: carTypeSchema,
  model: text(80),
  year: z.number().int().min(1990).max(2100),
  transmission: z.enum(['automatic', 'manual']),
  seats: z.number().int().min(1).max(15),
  units: z.number().int().min(0).max(500),
  dailyPrice: price,
  policies: carPoliciesSchema,
});

export const flightListingSchema = z
  .strictObject({
    airline: z.string().regex(/^[A-Z0-9]{2}$/, { error: 'a two-character airline code' }),
    flightNumber: z.string().regex(/^\d{1,4}$/, { error: 'up to four digits' }),
    origin: code,
    destination: code,
    via: code.nullable().default(null),
    departAt: z.iso.datetime({ offset: true }),
    arriveAt: z.iso.datetime({ offset: true }),
    refundable: z.boolean(),
    cabins: z
      .array(z.strictObject({ cabin: cabinSchema, price, seats: z.number().int().min(0).max(600) }))
      .min(1)
      .max(4),
  })
  .refine((f) => f.arriveAt > f.departAt, { path: ['arriveAt'], message: 'must be after the departure' })
  .refine((f) => f.origin !== f.destination, { path: ['destination'], message: 'must differ from the origin' });

/**
 * pending: new, waiting for review; active: live; paused: by its owner (back without review); suspended: by an admin,
 * with a note; rejected: a new listing refused at review, with a note; removed: deleted (kept for its bookings).
 */
export const LISTING_STATUSES = ['pending', 'active', 'paused', 'suspended', 'rejected', 'removed'] as const;
export const listingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof listingStatusSchema>;

/** An admin's decision on a listing; a note tells the owner why (required to reject or suspend). */
export const listingDecisionSchema = z
  .strictObject({
    action: z.enum(['approve', 'reject', 'suspend', 'reinstate']),
    note: z.string().trim().min(1, { error: 'required' }).max(1_000).optional(),
  })
  .refine((d) => d.note !== undefined || (d.action !== 'reject' && d.action !== 'suspend'), {
    path: ['note'],
    message: 'a note for the owner is required to reject or suspend',
  });
export type ListingDecision = z.infer<typeof listingDecisionSchema>;

export type HotelListing = z.infer<typeof hotelListingSchema>;
export type CarListing = z.infer<typeof carListingSchema>;
export type FlightListing = z.infer<typeof flightListingSchema>;

/** The photos an upload may be (the API refuses others, naming the field); the portal checks before sending. */
export const PHOTO_UPLOAD = {
  types: ['image/jpeg', 'image/png', 'image/webp'] as const,
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  minSide: 320,
  /** Per listing, its room types' photos included. */
  maxPerListing: 40,
};

/** A new order of one group of photos (the listing's own, or one room type's): all its ids, the cover first. */
export const photoOrderSchema = z.strictObject({
  ids: z
    .array(z.string().regex(/^\d{1,18}$/, { error: 'a photo id' }))
    .min(1)
    .max(PHOTO_UPLOAD.maxPerListing)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'each photo once' }),
});
export type PhotoOrder = z.infer<typeof photoOrderSchema>;

/** A photo as its owner and admins see it: travelers' fields, and whether it waits for review. */
export interface OwnerPhoto {
  id: string;
  roomTypeId: string | null;
  src: string;
  width: number;
  height: number;
  card: { src: string; width: number; height: number };
  /** False while the photo waits for an admin's review (travelers do not see it yet). */
  approved: boolean;
}
