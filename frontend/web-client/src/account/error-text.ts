import { ApiError, messageOf } from '../api/api-error.ts';
import { retryAfterOf } from './account-api.ts';

/** "1 minute", "40 seconds": how long a Retry-After asks the user to wait. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** messageOf, but a 429 keeps the server's advice and says how long to wait. */
export function accountMessageOf(error: unknown): string {
  const seconds = retryAfterOf(error);
  if (error instanceof ApiError && error.status === 429) {
    const advice = error.detail ?? 'Too many attempts.';
    return seconds ? `${advice} Try again in ${waitText(seconds)}.` : `${advice} Wait a moment and try again.`;
  }
  return messageOf(error);
}

/** The form-level message; when every field error shows next to its input, just a pointer to them. */
export function formLevelMessage(error: unknown, fields: readonly string[]): string | null {
  if (!error) return null;
  const shownByFields =
    error instanceof ApiError &&
    error.fieldErrors.length > 0 &&
    error.fieldErrors.every((e) => fields.some((f) => e.field === f || e.field.endsWith(`.${f}`)));
  return shownByFields ? 'Please correct the fields marked below.' : accountMessageOf(error);
}

/** The server names what a field should be ("an https URL"); next to the input that reads as a sentence. */
export function asSentence(message: string): string {
  const sentence = /^an? /.test(message)
    ? `Enter ${message}`
    : /^is /.test(message)
      ? `This ${message}`
      : message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The server's message for one input, if it named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  const message = error instanceof ApiError ? error.forField(field) : undefined;
  return message && asSentence(message);
}
