import type { FieldError } from '@tripwise/contracts';

export type { FieldError };

export interface AppErrorOptions {
  detail?: string;
  errors?: FieldError[];
  cause?: unknown;
  /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
  headers?: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. the new prices of a price change. */
  extensions?: Record<string, unknown>;
  /** Non-operational errors are bugs: the process logs them and, outside a request, exits. */
  isOperational?: boolean;
}

/**
 * An error the service means to report: a kebab-case `code` (also the problem type), an HTTP status and a
 * detail safe to show to the caller.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extensions: Record<string, unknown> | undefined;
  readonly isOperational: boolean;

  constructor(code: string, status: number, title: string, options: AppErrorOptions = {}) {
    super(title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
    this.isOperational = options.isOperational ?? true;
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError('invalid-request', 400, 'Invalid request', { detail, ...(errors ? { errors } : {}) });

export const unauthorized = (detail = 'Sign in to continue.', code = 'unauthorized') =>
  new AppError(code, 401, 'Unauthorized', { detail, headers: { 'WWW-Authenticate': 'Bearer' } });

export const forbidden = (detail = 'You may not do this.') => new AppError('forbidden', 403, 'Forbidden', { detail });

export const notFound = (what: string) =>
  new AppError('not-found', 404, 'Not found', { detail: `${what} was not found.` });

export const conflict = (code: string, detail: string) => new AppError(code, 409, 'Conflict', { detail });

export const serviceUnavailable = (detail: string, retryAfterSeconds?: number) =>
  new AppError('service-unavailable', 503, 'Service unavailable', {
    detail,
    ...(retryAfterSeconds ? { headers: { 'Retry-After': String(retryAfterSeconds) } } : {}),
  });
