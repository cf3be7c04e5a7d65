import type { Problem } from '@tripwise/contracts';
import { AppError, serviceUnavailable, toProblem } from '@tripwise/platform/errors';
import type { CardDeclined } from '../payments/card-processor.ts';
import { soldOut } from './booking-items.rules.ts';

/** What a failed booking keeps of its problem, so a retry with the same key gets the very same answer. */
export interface StoredProblem {
  code: string;
  status: number;
  title: string;
  detail?: string | undefined;
  errors?: AppError['errors'];
  extensions?: Record<string, unknown> | undefined;
  /** Retry-After, kept for the replay. */
  headers?: Record<string, string> | undefined;
}

/**
 * Nobody's fault and worth trying again (a dependency did not answer; whatever was done was undone): such an answer
 * never settles its Idempotency-Key. Every other problem is the request's definite answer, replayed under its key.
 */
export const isRetryable = (problem: { status: number }) => problem.status === 503;

export function storeProblem(err: AppError): StoredProblem {
  return {
    code: err.code,
    status: err.status,
    title: err.message,
    detail: err.detail,
    errors: err.errors,
    extensions: err.extensions,
    headers: err.headers,
  };
}

export function restoreProblem(stored: StoredProblem): AppError {
  return new AppError(stored.code, stored.status, stored.title, {
    ...(stored.detail ? { detail: stored.detail } : {}),
    ...(stored.errors ? { errors: stored.errors } : {}),
    ...(stored.extensions ? { extensions: stored.extensions } : {}),
    ...(stored.headers ? { headers: stored.headers } : {}),
  });
}

/** The processor's reason as a sentence that says "declined" once ("Your card was declined." stays as it is). */
function declinedSentence(message: string): string {
  const reason = message.trim().replace(/[.\s]+$/, '');
  if (/declined/i.test(reason)) return `${reason}.`;
  return `The card was declined: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`;
}

export function cardDeclined(err: CardDeclined): AppError {
  return new AppError('card-declined', 402, 'Payment required', {
    detail: `${declinedSentence(err.message)} Nothing was booked or charged.`,
    errors: [{ in: 'body', field: 'payment.card', message: err.message }],
    extensions: { declineCode: err.declineCode ?? err.code },
  });
}

export const paymentUnavailable = () =>
  new AppError('payment-unavailable', 503, 'Service unavailable', {
    detail: 'The card processor did not answer. Nothing was booked or charged; try again in a minute.',
    headers: { 'Retry-After': '60' },
  });

export const searchUnavailable = () =>
  serviceUnavailable(
    'Availability could not be checked just now. Nothing was booked or charged; try again shortly.',
    10,
  );

export const interrupted = () =>
  new AppError('booking-interrupted', 503, 'Service unavailable', {
    detail: 'The booking was interrupted before payment. Nothing was charged and no inventory is held; book again.',
    headers: { 'Retry-After': '1' },
  });

/** The same key is still at work in another request (before the card was authorised): its answer comes soon. */
export const keyInUse = () =>
  new AppError('idempotency-key-in-use', 409, 'Conflict', {
    detail:
      'A booking request with this Idempotency-Key is still being processed. Send it again shortly for its answer.',
    errors: [{ in: 'headers', field: 'idempotency-key', message: 'still being processed' }],
    headers: { 'Retry-After': '1' },
  });

export const holdExpired = () =>
  new AppError('hold-expired', 409, 'Conflict', {
    detail: 'The inventory held for this booking was released before payment completed. Nothing was charged.',
  });

/** Search's 409 (sold out, or no longer listed) as the traveler's 409 naming the item. */
/** Search's 422 about an item's dates (the booking window), passed on as it is: its fields are the booking's. */
export function itemsRefused(problem: Problem): AppError {
  return new AppError(problem.type.replace(/^\/problems\//, ''), 422, problem.title, {
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
}

export function inventoryConflict(problem: Problem): AppError {
  const position = Number(/^items\.(\d+)/.exec(problem.errors?.[0]?.field ?? '')?.[1] ?? 0);
  return soldOut(position, problem.detail);
}

export const problemJson = (err: AppError) => toProblem(err).problem;
