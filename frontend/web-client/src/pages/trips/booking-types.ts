// A booking as GET /api/bookings(/:id) shows it to its traveler: the contract in @tripwise/contracts.
import type { BookedItemView, BookingStatus, BookingView } from '@tripwise/contracts';

export type Booking = BookingView;
export type BookingItem = BookedItemView;

export const STATUS_TEXT: Record<BookingStatus, string> = {
  pending: 'Being finished',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  failed: 'Not booked',
};
