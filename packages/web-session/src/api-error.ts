/** An RFC 9457 problem+json answer from the API, with the field errors a form can show next to its inputs. */
import type { FieldError } from '@tripwise/contracts';

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Everything else the problem carried (e.g. `items` of a sold-out booking, `newPrice` of a price change). */
  readonly extensions: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const title = typeof problem.title === 'string' ? problem.title : `Request failed (${status})`;
    const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    super(detail ?? title);
    this.status = status;
    this.type = typeof problem.type === 'string' ? problem.type : 'about:blank';
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrorsOf(problem);
    this.extensions = problem;
  }

  /** The message to show for one input, if the server named it. */
  forField(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

function fieldErrorsOf(problem: Record<string, unknown>): FieldError[] {
  if (!Array.isArray(problem.errors)) return [];
  return (problem.errors as Partial<FieldError>[]).filter(
    (e): e is FieldError => typeof e.field === 'string' && typeof e.message === 'string',
  );
}

/** A sentence for the user, whatever went wrong (network down, server error, validation). */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return 'Too many attempts. Wait a moment and try again.';
    if (error.status >= 500) return 'Something went wrong on our side. Try again in a moment.';
    return error.detail ?? error.title;
  }
  if (error instanceof TypeError) return 'We could not reach Tripwise. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}
