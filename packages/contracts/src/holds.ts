import { z } from 'zod';
import { cabinSchema } from './intent.ts';

// The internal contract between booking and search: quotes and holds on inventory (search's /internal routes).

const listingId = z.string().regex(/^\d{1,18}$/, { error: 'a listing id' });
const day = z.iso.date();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time as HH:MM' });

export const holdItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('flight'),
    flightId: listingId,
    cabin: cabinSchema,
    seats: z.number().int().min(1).max(9),
  }),
  z
    .strictObject({
      kind: z.literal('room'),
      roomTypeId: listingId,
      checkIn: day,
      checkOut: day,
      rooms: z.number().int().min(1).max(8),
    })
    .refine((r) => r.checkOut > r.checkIn, { path: ['checkOut'], message: 'must be after the check-in date' }),
  z
    .strictObject({
      kind: z.literal('car'),
      carId: listingId,
      pickupDate: day,
      dropoffDate: day,
      /** The rental is priced per started 24 hours between pick-up and drop-off, as search shows it. */
      pickupTime: clock.default('10:00'),
      dropoffTime: clock.default('10:00'),
    })
    .refine((c) => c.dropoffDate >= c.pickupDate, {
      path: ['dropoffDate'],
      message: 'must not be before the pick-up date',
    }),
]);

/** What a booking keeps of a listing: enough to show it, bill it, apply its policy and credit its provider. */
export const listingSnapshotSchema = z.object({
  kind: z.enum(['flight', 'room', 'car']),
  listingId,
  /** The hotel of a room type. */
  parentId: listingId.nullable(),
  title: z.string(),
  subtitle: z.string(),
  city: z.string(),
  /** The owner's user id (hotels and cars an owner listed); null for flights and seeded listings. */
  ownerId: z.string().nullable(),
  /** Who sells it: the owner (or the hotel itself), the airline, the car company. */
  provider: z.object({
    kind: z.enum(['owner', 'property', 'airline', 'car-company']),
    id: z.string(),
    name: z.string(),
  }),
  /** Local calendar dates the item covers (a flight's departure and arrival days; a stay; a rental). */
  startDate: day,
  endDate: day,
  policy: z.object({
    /** Free cancellation until this many hours before the start (null: never refundable). */
    freeCancellationHours: z.number().int().min(0).nullable(),
    /** What is kept when cancelled later: none, one unit (a night, a day), or everything. */
    lateCancellationKeeps: z.enum(['one-unit', 'everything']),
    startsAt: z.iso.datetime({ offset: true }),
    details: z.record(z.string(), z.unknown()),
  }),
});

export const quotedItemSchema = z.object({
  position: z.number().int(),
  available: z.boolean(),
  /** Seats, rooms or cars. */
  quantity: z.number().int(),
  /** Nights of a stay, days of a rental, 1 for a flight. */
  units: z.number().int(),
  unitPrice: z.object({ amount: z.number().int(), currency: z.literal('USD') }),
  listing: listingSnapshotSchema,
});

export const quoteResponseSchema = z.object({ items: z.array(quotedItemSchema) });

export const holdViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(['held', 'confirmed', 'released', 'expired']),
  expiresAt: z.iso.datetime(),
  items: z.array(
    z.object({
      position: z.number().int(),
      kind: z.enum(['flight', 'room', 'car']),
      listingId,
      quantity: z.number().int(),
      unitPrice: z.object({ amount: z.number().int(), currency: z.literal('USD') }),
      /** When this item alone was given back (one part of a trip cancelled). */
      releasedAt: z.iso.datetime().optional(),
    }),
  ),
});

/** As callers write it (times optional); search reads it with the defaults applied. */
export type HoldItem = z.input<typeof holdItemSchema>;
export type ListingSnapshot = z.infer<typeof listingSnapshotSchema>;
export type QuotedItem = z.infer<typeof quotedItemSchema>;
export type HoldView = z.infer<typeof holdViewSchema>;
