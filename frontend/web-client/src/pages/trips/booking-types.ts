// A booking as GET /api/bookings(/:id) shows it to its traveler (services/booking/src/domain/booking-view.ts).
import type { Money } from '../../ui/format.ts';

export interface BookingItem {
  position: number;
  kind: 'flight' | 'room' | 'car';
  listingId: string;
  hotelId?: string;
  title: string;
  subtitle: string;
  city: string;
  provider: { name: string };
  startDate: string;
  endDate: string;
  quantity: number;
  units: number;
  unitPrice: Money;
  subtotal: Money;
  taxes: Money;
  fees: Money;
  travelers: Record<string, string>[];
  policy: {
    freeCancellationHours: number | null;
    lateCancellationKeeps: 'one-unit' | 'everything';
    startsAt: string;
    details: Record<string, unknown>;
  };
}

export interface Booking {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'failed';
  kind: 'flight' | 'hotel' | 'car' | 'trip';
  createdAt: string;
  startsOn: string;
  endsOn: string;
  items: BookingItem[];
  contact: { email: string; phone: string };
  price: {
    subtotal: Money;
    taxes: { label: string; amount: Money }[];
    fees: { label: string; amount: Money }[];
    total: Money;
  };
  payment: { method: string; billingName: string } | null;
  cancellation: { cancelledAt: string | null; refund: Money } | null;
  billing: { billingNumber: string; kind: string; amount: Money; billedAt: string }[];
}

export const STATUS_TEXT: Record<Booking['status'], string> = {
  pending: 'Being finished',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  failed: 'Not booked',
};
