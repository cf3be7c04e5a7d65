import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { formatMoney } from '../../ui/format.ts';
import type { Booking } from './booking-types.ts';
import { refundPreview } from './refund-preview.ts';
import { paymentMethodText } from '../../search/labels.ts';

const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, { cents: true });

/** Cancel, after showing what each item's policy refunds; the server's refund is what counts and is shown after. */
export function CancelTrip({ booking }: { booking: Booking }) {
  const [asking, setAsking] = useState(false);
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api<Booking>(`/api/bookings/${booking.id}/cancel`, { method: 'POST', body: {} }),
    onSuccess: (cancelled) => {
      client.setQueryData(['booking', booking.id], cancelled);
      void client.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
  // Once a part was cancelled on its own, this cancels what is left.
  const what = booking.items.some((i) => i.cancellation) ? 'the rest of this trip' : 'this trip';
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Cancel {what}
      </button>
    );
  }
  const preview = refundPreview(booking);
  return (
    <section className="card cancel-box" aria-labelledby="cancel-title">
      <h2 id="cancel-title">Cancel {what}?</h2>
      <ul>
        {preview.items.map((r) => (
          <li key={r.item.position}>
            <strong>{r.item.title}</strong>: refund {usd(r.amount)}. <span className="muted">{r.reason}</span>
          </li>
        ))}
      </ul>
      <p>
        Expected refund: <strong data-testid="refund-preview">{usd(preview.total)}</strong> of{' '}
        {formatMoney(booking.price.total, { cents: true })}, to{' '}
        {booking.payment ? paymentMethodText(booking.payment.method) : 'your card'}. The amount confirmed after
        cancelling is final.
      </p>
      {cancel.isError && (
        <p className="form-error" role="alert">
          {messageOf(cancel.error)}
        </p>
      )}
      <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
        {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={cancel.isPending}>
        Keep my trip
      </button>
    </section>
  );
}
