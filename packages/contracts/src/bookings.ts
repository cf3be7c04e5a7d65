import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { phoneSchema, stateSchema, zipSchema } from './contact.ts';
import { cabinSchema } from './intent.ts';

const listingId = z.string().regex(/^\d{1,18}$/, { error: 'a listing id' });
const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time as HH:MM' });
/** The unit price the traveler was shown, in minor units: a booking never takes a different one silently. */
const shownPrice = z.number().int().positive({ error: 'the price shown, in minor units (cents)' });
const personName = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .max(60)
  .regex(/^\p{L}[\p{L}\p{M}' .-]*$/u, { error: 'letters, spaces, apostrophes, dots and hyphens only' });

const todayUtc = () => new Date().toISOString().slice(0, 10);
const dateOfBirth = day.refine((d) => d < todayUtc() && d > `${new Date().getUTCFullYear() - 120}-01-01`, {
  error: 'a date of birth in the past (at most 120 years ago)',
});

export const passengerSchema = z.strictObject({
  firstName: personName,
  lastName: personName,
  dateOfBirth,
  gender: z.enum(['female', 'male', 'unspecified']).default('unspecified'),
});

export const driverSchema = z.strictObject({
  firstName: personName,
  lastName: personName,
  dateOfBirth,
  licenseNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,20}$/, { error: "the driver's licence number (4–20 letters, digits or dashes)" }),
});

export const bookingItemInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('flight'),
    flightId: listingId,
    cabin: cabinSchema,
    passengers: z.array(passengerSchema).min(1).max(9),
    expectedUnitPrice: shownPrice,
  }),
  z
    .strictObject({
      kind: z.literal('hotel'),
      roomTypeId: listingId,
      checkIn: day,
      checkOut: day,
      rooms: z.number().int().min(1).max(8).default(1),
      guests: z.number().int().min(1).max(16),
      leadGuest: z.strictObject({ firstName: personName, lastName: personName }),
      expectedNightlyPrice: shownPrice,
    })
    .refine((h) => h.checkOut > h.checkIn, { path: ['checkOut'], message: 'must be after the check-in date' })
    .refine((h) => h.guests >= h.rooms, { path: ['guests'], message: 'at least one guest per room' }),
  z
    .strictObject({
      kind: z.literal('car'),
      carId: listingId,
      pickupDate: day,
      pickupTime: clock.default('10:00'),
      dropoffDate: day,
      dropoffTime: clock.default('10:00'),
      driver: driverSchema,
      expectedDailyPrice: shownPrice,
    })
    .refine((c) => `${c.dropoffDate}T${c.dropoffTime}` > `${c.pickupDate}T${c.pickupTime}`, {
      path: ['dropoffDate'],
      message: 'must be after the pick-up',
    }),
]);

/** The Luhn checksum every card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export const cardNumberSchema = z
  .string()
  .transform((n) => n.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{12,19}$/, { error: 'a card number of 12 to 19 digits' })
      .refine(passesLuhn, { error: 'not a valid card number (check the digits)' }),
  );

export const cardSchema = z
  .strictObject({
    number: cardNumberSchema,
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
    cvc: z.string().regex(/^\d{3,4}$/, { error: '3 or 4 digits' }),
    holderName: z.string().trim().min(1).max(100),
  })
  .refine(
    (c) => {
      const now = new Date();
      return c.expYear * 12 + c.expMonth >= now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    },
    { path: ['expYear'], message: 'the card has expired' },
  );

export const billingAddressSchema = z
  .strictObject({
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1).max(100),
    /** Required in the US (abbreviation or full name). */
    state: z.string().trim().max(60).optional(),
    postalCode: z.string().trim().min(1).max(12),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'a two-letter country code such as US' })
      .default('US'),
  })
  .transform((address, ctx) => {
    if (address.country !== 'US') return address;
    const state = stateSchema.safeParse(address.state ?? '');
    if (!state.success || !state.data) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'a US state: its abbreviation (MA) or full name' });
    }
    if (!zipSchema.safeParse(address.postalCode).success) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'a ZIP code: 12345 or 12345-6789' });
    }
    return { ...address, state: state.data ?? address.state };
  });

export const createBookingSchema = z.strictObject({
  items: z.array(bookingItemInputSchema).min(1, { error: 'at least one flight, hotel or car' }).max(6),
  contact: z.strictObject({ email: emailSchema, phone: phoneSchema }),
  payment: z.strictObject({ card: cardSchema, billingAddress: billingAddressSchema }),
});

export const bookingListQuerySchema = z.object({
  when: z.enum(['upcoming', 'current', 'past', 'all']).default('all'),
  status: z.enum(['pending', 'confirmed', 'cancelled', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/**
 * Bookings of an owner's listings (admins: any booking): the list's filters, plus one listing, stays overlapping
 * dates, a guest's name or contact email, the order, and (admins) one traveler's bookings.
 */
export const ownerBookingQuerySchema = bookingListQuerySchema
  .extend({
    listingKind: z.enum(['hotel', 'car', 'flight']).optional(),
    listingId: z
      .string()
      .regex(/^\d{1,18}$/, { error: 'a listing id' })
      .optional(),
    from: z.iso.date({ error: 'a date as YYYY-MM-DD' }).optional(),
    to: z.iso.date({ error: 'a date as YYYY-MM-DD' }).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(['createdAt', 'startsOn']).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    userId: z.uuid({ error: 'a user id' }).optional(),
  })
  .refine((f) => !f.listingId || f.listingKind, { path: ['listingKind'], message: 'required with listingId' })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['from'], message: 'must not be after `to`' });
export type OwnerBookingQuery = z.infer<typeof ownerBookingQuerySchema>;

export type BookingItemInput = z.infer<typeof bookingItemInputSchema>;
export type CreateBooking = z.infer<typeof createBookingSchema>;
export type Card = z.infer<typeof cardSchema>;
export type BillingAddress = z.infer<typeof billingAddressSchema>;
