import { setTimeout as sleep } from 'node:timers/promises';
import { observeUpstream } from '@tripwise/platform/metrics';
import { countPayment } from '../booking.metrics.ts';
import { CardDeclined, PaymentUnavailable, type CardProcessor, type ProcessorPayment } from './card-processor.ts';

interface ProcessorError {
  error?: { type?: string; code?: string; decline_code?: string; message?: string };
}
interface Intent {
  id: string;
  status: ProcessorPayment['status'];
  amount_received: number;
  amount_refunded: number;
  payment_method_details?: { card?: { brand?: string; last4?: string } };
}

const RETRY_DELAYS_MS = [200, 600];

/** The operation label of a processor call: a closed set, whatever the ids in the path. */
function operationOf(method: 'GET' | 'POST', path: string): string {
  if (path.endsWith('/capture')) return 'capture';
  if (path.endsWith('/cancel')) return 'cancel';
  if (path.startsWith('/v1/refunds')) return 'refund';
  if (method === 'GET') return 'search';
  return 'authorize';
}

/** Counts a card authorisation by outcome: authorised, declined, or error (no usable answer). */
async function countedAuthorisation<T>(authorise: () => Promise<T>): Promise<T> {
  try {
    const result = await authorise();
    countPayment('authorised');
    return result;
  } catch (err) {
    countPayment(err instanceof CardDeclined ? 'declined' : 'error');
    throw err;
  }
}

/** Stripe's form encoding: nested objects as `a[b][c]=value`. */
function formEncode(values: Record<string, unknown>, prefix = '', form = new URLSearchParams()): URLSearchParams {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const name = prefix ? `${prefix}[${key}]` : key;
    if (typeof value === 'object' && value !== null) formEncode(value as Record<string, unknown>, name, form);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      form.append(name, String(value));
    }
  }
  return form;
}

/**
 * A card processor spoken to over HTTP with a Stripe-style API (the built-in simulator, or a real processor with
 * the same API). Timeouts, network errors, 5xx and "key in use" are retried with the same Idempotency-Key.
 */
export function cardProcessorClient(options: { url: string; secretKey: string; timeoutMs?: number }): CardProcessor {
  const timeoutMs = options.timeoutMs ?? 10_000;

  // A decline is the processor's answer (outcome ok); only silence and errors count against it.
  const call = <T>(method: 'GET' | 'POST', path: string, params?: Record<string, unknown>, key?: string) =>
    observeUpstream(
      { target: 'payments', operation: operationOf(method, path), isAnswer: (err) => err instanceof CardDeclined },
      () => send<T>(method, path, params, key),
    );

  async function send<T>(
    method: 'GET' | 'POST',
    path: string,
    params?: Record<string, unknown>,
    key?: string,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let status: number;
      let body: unknown;
      try {
        const res = await fetch(`${options.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.secretKey}`,
            ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          ...(params ? { body: formEncode(params).toString() } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        body = await res.json().catch(() => ({}));
      } catch {
        status = 0; // no answer: a timeout or a refused connection
      }
      if (status >= 200 && status < 300) return body as T;
      const transient = status === 0 || status >= 500 || status === 409 || status === 429;
      if (transient && attempt < RETRY_DELAYS_MS.length) {
        await sleep(RETRY_DELAYS_MS[attempt]);
        continue;
      }
      if (transient) throw new PaymentUnavailable();
      const error = (body as ProcessorError).error ?? {};
      if (status === 402) {
        throw new CardDeclined(error.code ?? 'card_declined', error.decline_code, error.message ?? 'Declined.');
      }
      throw new Error(`card processor refused ${method} ${path}: ${status} ${error.code ?? ''} ${error.message ?? ''}`);
    }
  }

  const toPayment = (intent: Intent): ProcessorPayment => ({
    id: intent.id,
    status: intent.status,
    amountReceived: intent.amount_received,
    amountRefunded: intent.amount_refunded,
  });

  return {
    async authorize({ bookingId, amount, currency, card, description }) {
      const intent = await countedAuthorisation(() =>
        call<Intent>(
          'POST',
          '/v1/payment_intents',
          {
            amount,
            currency: currency.toLowerCase(),
            capture_method: 'manual',
            confirm: 'true',
            description,
            metadata: { booking_id: bookingId },
            payment_method_data: {
              type: 'card',
              card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc },
            },
          },
          `authorize-${bookingId}`,
        ),
      );
      const details = intent.payment_method_details?.card;
      return { paymentId: intent.id, brand: details?.brand ?? 'card', last4: details?.last4 ?? card.number.slice(-4) };
    },
    async capture(paymentId) {
      await call('POST', `/v1/payment_intents/${encodeURIComponent(paymentId)}/capture`, {}, `capture-${paymentId}`);
    },
    async cancel(paymentId) {
      await call('POST', `/v1/payment_intents/${encodeURIComponent(paymentId)}/cancel`, {}, `cancel-${paymentId}`);
    },
    async refund({ paymentId, amount, idempotencyKey }) {
      const refund = await call<{ id: string }>(
        'POST',
        '/v1/refunds',
        { payment_intent: paymentId, amount },
        idempotencyKey,
      );
      return { refundId: refund.id };
    },
    async paymentsForBooking(bookingId) {
      const query = encodeURIComponent(`metadata['booking_id']:'${bookingId}'`);
      const found = await call<{ data: Intent[] }>('GET', `/v1/payment_intents/search?query=${query}`);
      return found.data.map(toPayment);
    },
  };
}
