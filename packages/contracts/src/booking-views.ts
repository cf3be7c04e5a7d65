import { z } from 'zod';
import { moneySchema } from './common.ts';
import { fieldErrorSchema } from './problem.ts';

/*
 * What the booking service answers about a booking (GET /api/bookings, /api/bookings/:id, POST /api/bookings and
 * the cancellation): one definition for the service's mapper, which `satisfies` it, its tests, which parse real
 * answers with it, and the frontends, which import the types.
 */

export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'failed'] as const;
export const BOOKING_KINDS = ['flight', 'hotel', 'car', 'trip'] as const;
export const BOOKED_ITEM_KINDS = ['flight', 'room', 'car'] as const;

export const bookedItemPolicySchema = z.object({
  /** Hours before the start when a cancellation still refunds everything; null: never free. */
  freeCancellationHours: z.number().int().nullable(),
  lateCancellationKeeps: z.enum(['one-unit', 'everything']),
  /** The instant the item starts (a flight's departure, a check-in, a pick-up), ISO 8601. */
  startsAt: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const bookedItemViewSchema = z.object({
  position: z.number().int(),
  kind: z.enum(BOOKED_ITEM_KINDS),
  listingId: z.string(),
  /** A room's hotel. */
  hotelId: z.string().optional(),
  title: z.string(),
  subtitle: z.string(),
  city: z.string(),
  provider: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
  startDate: z.string(),
  endDate: z.string(),
  quantity: z.number().int(),
  units: z.number().int(),
  unitPrice: moneySchema,
  subtotal: moneySchema,
  taxes: moneySchema,
  fees: moneySchema,
  /** What was asked for (cabin, room type, dates, times), as the item was booked. */
  details: z.record(z.string(), z.unknown()),
  /** Passengers, guests or the driver; a driver's licence number only as its last three characters. */
  travelers: z.array(z.record(z.string(), z.unknown())),
  policy: bookedItemPolicySchema,
  /** This item cancelled on its own (the rest of the trip kept), with its refund and the policy rule that set it. */
  cancellation: z
    .object({
      status: z.enum(['cancelling', 'cancelled']),
      cancelledAt: z.string().nullable(),
      refund: moneySchema,
      rule: z.string().nullable(),
    })
    .nullable()
    .optional(),
});

const priceLineSchema = z.object({ label: z.string(), amount: moneySchema });

/** A booking as an owner sees it: their own listings' items, who stays, and no payment details. */
export const ownerBookingViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(BOOKING_STATUSES),
  kind: z.enum(BOOKING_KINDS),
  createdAt: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.array(bookedItemViewSchema),
  contact: z.object({ email: z.string() }),
});

/** A booking as its traveler (and an admin, who also sees `userId`) sees it. */
export const bookingViewSchema = ownerBookingViewSchema.extend({
  userId: z.uuid().optional(),
  contact: z.object({ email: z.string(), phone: z.string() }),
  price: z.object({
    subtotal: moneySchema,
    taxes: z.array(priceLineSchema),
    fees: z.array(priceLineSchema),
    total: moneySchema,
  }),
  /** The card as brand and last four only. */
  payment: z.object({ method: z.string(), billingName: z.string().nullable() }).nullable(),
  cancellation: z.looseObject({ cancelledAt: z.string().nullable(), refund: moneySchema }).nullable(),
  /** Why a booking that was attempted did not happen (declined card, sold out, …): the answer its traveler got. */
  failure: z
    .object({
      code: z.string(),
      status: z.number().int(),
      title: z.string(),
      detail: z.string().optional(),
      errors: z.array(fieldErrorSchema).optional(),
      extensions: z.record(z.string(), z.unknown()).optional(),
    })
    .nullable(),
  billing: z.array(
    z.object({ billingNumber: z.string(), kind: z.string(), amount: moneySchema, billedAt: z.string() }),
  ),
});

export const bookingPageSchema = z.object({
  items: z.array(z.union([bookingViewSchema, ownerBookingViewSchema])),
  nextCursor: z.string().nullable(),
  /** Bookings of listings: how many match in all (exact up to 10,000, then `totalIsEstimate`). */
  total: z.number().int().nonnegative().optional(),
  totalIsEstimate: z.literal(true).optional(),
});

export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type BookedItemView = z.infer<typeof bookedItemViewSchema>;
export type BookingView = z.infer<typeof bookingViewSchema>;
export type OwnerBookingView = z.infer<typeof ownerBookingViewSchema>;
