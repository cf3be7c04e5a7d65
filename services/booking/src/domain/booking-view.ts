import type { BookedItemView, BookingView, OwnerBookingView } from '@tripwise/contracts';
import type { StoredProblem } from './booking-problems.ts';
import type { Booking, ItemRow } from '../data/bookings.repository.ts';
import type { BillingRow } from '../data/money.repository.ts';

export type Audience = { as: 'traveler' } | { as: 'admin' } | { as: 'owner'; ownerId: string };

const usd = (amount: number, currency = 'USD') => ({ amount, currency });
const maskLicence = (traveler: Record<string, unknown>) =>
  typeof traveler.licenseNumber === 'string'
    ? { ...traveler, licenseNumber: `•••${traveler.licenseNumber.slice(-3)}` }
    : traveler;

const refundedBefore = (items: ItemRow[]) =>
  items.reduce((sum, i) => sum + (i.cancel_step === 'cancelled' ? (i.refund_minor ?? 0) : 0), 0);

function itemView(item: ItemRow, currency: string): BookedItemView {
  return {
    position: item.position,
    kind: item.kind,
    listingId: item.listing_id,
    ...(item.parent_id ? { hotelId: item.parent_id } : {}),
    title: item.title,
    subtitle: item.subtitle,
    city: item.city,
    provider: { kind: item.provider_kind, id: item.provider_id, name: item.provider_name },
    startDate: item.start_date,
    endDate: item.end_date,
    quantity: item.quantity,
    units: item.units,
    unitPrice: usd(item.unit_price_minor, currency),
    subtotal: usd(item.subtotal_minor, currency),
    taxes: usd(item.taxes_minor, currency),
    fees: usd(item.fees_minor, currency),
    details: item.request,
    travelers: item.travelers.map(maskLicence),
    policy: item.policy,
    cancellation: item.cancel_step
      ? {
          status: item.cancel_step,
          cancelledAt: item.cancelled_at?.toISOString() ?? null,
          refund: usd(item.refund_minor ?? 0, currency),
          rule: item.refund_rule ?? null,
        }
      : null,
  } satisfies BookedItemView;
}

/**
 * A booking as its reader may see it. Travelers and admins see all of it (the card only as brand and last four);
 * an owner sees only the items of their own listings, who stays, and no payment details.
 */
export function bookingView(
  booking: Booking,
  audience: Audience,
  billing: BillingRow[] = [],
): BookingView | OwnerBookingView {
  const items = audience.as === 'owner' ? booking.items.filter((i) => i.owner_id === audience.ownerId) : booking.items;
  const base = {
    id: booking.id,
    status: booking.status,
    kind: booking.kind,
    createdAt: booking.created_at.toISOString(),
    startsOn: booking.starts_on,
    endsOn: booking.ends_on,
    items: items.map((i) => itemView(i, booking.currency)),
  };
  if (audience.as === 'owner') return { ...base, contact: { email: booking.contact.email } } satisfies OwnerBookingView;
  const outcome = booking.outcome ?? {};
  return {
    ...base,
    ...(audience.as === 'admin' ? { userId: booking.user_id } : {}),
    contact: booking.contact,
    price: {
      subtotal: usd(booking.subtotal_minor, booking.currency),
      taxes: booking.price_lines.taxes.map((l) => ({ label: l.label, amount: usd(l.amount, booking.currency) })),
      fees: booking.price_lines.fees.map((l) => ({ label: l.label, amount: usd(l.amount, booking.currency) })),
      total: usd(booking.total_minor, booking.currency),
    },
    payment: booking.card_last4
      ? { method: `${booking.card_brand} •••• ${booking.card_last4}`, billingName: booking.billing_name }
      : null,
    cancellation:
      booking.status === 'cancelled' || booking.step === 'cancelling'
        ? {
            cancelledAt: booking.cancelled_at?.toISOString() ?? null,
            // Everything given back: what this cancellation refunds and what items cancelled before it did.
            refund: usd(booking.refund_minor + refundedBefore(booking.items), booking.currency),
            ...outcome,
          }
        : null,
    // Stored as the problem the traveler was answered with.
    failure: booking.status === 'failed' ? ((outcome.problem as StoredProblem | undefined) ?? null) : null,
    billing: billing.map((b) => ({
      billingNumber: b.billing_number,
      kind: b.kind,
      amount: usd(b.amount_minor, b.currency),
      billedAt: b.billed_at.toISOString(),
    })),
  } satisfies BookingView;
}
