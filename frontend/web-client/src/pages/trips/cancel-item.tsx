import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { formatMoney } from '../../ui/format.ts';
import type { Booking, BookingItem } from './booking-types.ts';
import { refundOf } from './refund-preview.ts';
import { paymentMethodText } from '../../search/labels.ts';

/**
 * Cancel one part of a trip (the hotel, the car), the rest staying booked: its own refund preview first, by the
 * rule the booking service refunds by; the server's refund is what counts and is shown after.
 */
export function CancelItem({ booking, item }: { booking: Booking; item: BookingItem }) {
  const [asking, setAsking] = useState(false);
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      api<Booking>(`/api/bookings/${booking.id}/items/${item.position}/cancel`, { method: 'POST', body: {} }),
    onSuccess: (changed) => {
      client.setQueryData(['booking', booking.id], changed);
      void client.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Cancel only this
      </button>
    );
  }
  const preview = refundOf(item, new Date(booking.createdAt), new Date());
  const titleId = `cancel-item-${item.position}`;
  return (
    <section className="cancel-box" aria-labelledby={titleId} data-testid="cancel-item">
      <h4 id={titleId}>Cancel {item.title} and keep the rest of the trip?</h4>
      <p>
        Expected refund:{' '}
        <strong data-testid="item-refund-preview">
          {formatMoney({ ...item.subtotal, amount: preview.amount }, { cents: true })}
        </strong>{' '}
        to {booking.payment ? paymentMethodText(booking.payment.method) : 'your card'}.{' '}
        <span className="muted">{preview.reason}</span>
      </p>
      {cancel.isError && (
        <p className="form-error" role="alert">
          {messageOf(cancel.error)}
        </p>
      )}
      <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
        {cancel.isPending
          ? 'Cancelling…'
          : `Yes, cancel ${item.kind === 'room' ? 'this stay' : item.kind === 'car' ? 'this car' : 'this flight'}`}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={cancel.isPending}>
        Keep it
      </button>
    </section>
  );
}
