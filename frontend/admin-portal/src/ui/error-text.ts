import { ApiError, messageOf } from '@tripwise/web-session';

/** "1 minute", "40 seconds": how long a Retry-After asks the user to wait. */
function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** A sentence for the user; a 429 keeps the server's advice and says how long to wait. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const seconds = error.extensions.retryAfterSeconds;
    const advice = error.detail ?? 'Too many attempts.';
    return typeof seconds === 'number'
      ? `${advice} Try again in ${waitText(seconds)}.`
      : `${advice} Wait a moment and try again.`;
  }
  if (error instanceof ApiError && error.status === 403) {
    return error.detail ?? 'You are not allowed to do this.';
  }
  return messageOf(error);
}

/**
 * A field's message reads as a sentence next to its input: the API and the shared zod schemas name what a field
 * should be ("a time as HH:MM"), so the same words show whether the browser or the server caught it.
 */
export function asSentence(message: string): string {
  const sentence = /^an? /.test(message)
    ? `Enter ${message}`
    : /^(is|must) /.test(message)
      ? `This ${message}`
      : message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The server's message for one input, if it named it. */
export function serverFieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const message = error.fieldErrors.find((e) => e.field === field)?.message;
  return message && asSentence(message);
}
