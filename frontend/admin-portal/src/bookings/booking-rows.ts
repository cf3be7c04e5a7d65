import type { Money } from '../ui/format.ts';

// Bookings of an owner's listings (admins: every booking), as `GET /api/bookings/of-my-listings` answers them:
// an owner sees only the items of their own listings, the guest and the contact email, no payment details.

export interface BookingItem {
  position: number;
  kind: 'flight' | 'room' | 'car';
  listingId: string;
  hotelId?: string;
  title: string;
  subtitle: string;
  city: string;
  startDate: string;
  endDate: string;
  quantity: number;
  units: number;
  unitPrice: Money;
  subtotal: Money;
  travelers: { firstName?: string; lastName?: string; role?: string }[];
}

export interface Booking {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'failed';
  kind: string;
  createdAt: string;
  startsOn: string;
  endsOn: string;
  items: BookingItem[];
  contact: { email: string };
  userId?: string;
}

/** One row per booked item: what a host reads and exports. */
export interface BookingRow {
  booking: Booking;
  item: BookingItem;
}

export const rowsOf = (bookings: readonly Booking[]): BookingRow[] =>
  bookings.flatMap((booking) => booking.items.map((item) => ({ booking, item })));

export function guestOf(item: BookingItem): string {
  const lead = item.travelers[0];
  const name = [lead?.firstName, lead?.lastName].filter(Boolean).join(' ');
  const others = item.travelers.length - 1;
  return others > 0 ? `${name} +${others}` : name || '—';
}

/** "1 room × 2 nights", "3 seats", "1 car × 5 days". */
export function unitsOf(item: BookingItem): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  if (item.kind === 'room') return `${n(item.quantity, 'room')} × ${n(item.units, 'night')}`;
  if (item.kind === 'car') return `${n(item.quantity, 'car')} × ${n(item.units, 'day')}`;
  return n(item.quantity, 'seat');
}

/** Where a booking is in its life, as the tabs name it. */
export type BookingView = 'upcoming' | 'current' | 'past' | 'cancelled' | 'all';

export const VIEWS: Record<BookingView, { label: string; when: string; status?: string }> = {
  upcoming: { label: 'Upcoming', when: 'upcoming', status: 'confirmed' },
  current: { label: 'In-house', when: 'current', status: 'confirmed' },
  past: { label: 'Past', when: 'past', status: 'confirmed' },
  cancelled: { label: 'Cancelled', when: 'all', status: 'cancelled' },
  all: { label: 'All', when: 'all' },
};
