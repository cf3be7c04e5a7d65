import { STATUS_CODES } from 'node:http';
import type { Problem } from '@tripwise/contracts';
import { AppError } from './app-error.ts';
import { unavailableDependency } from './dependency-errors.ts';

export type { Problem };

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Errors thrown by Express's own body parser and `http-errors`: safe to show when `expose` is true. */
interface ExposedHttpError {
  status: number;
  expose: boolean;
  type?: string;
  message: string;
}

function isExposedHttpError(err: unknown): err is ExposedHttpError {
  return (
    typeof err === 'object' &&
    err !== null &&
    'status' in err &&
    typeof err.status === 'number' &&
    err.status >= 400 &&
    err.status < 500 &&
    'expose' in err &&
    err.expose === true
  );
}

const BODY_PARSER_CODES: Record<string, string> = {
  'entity.parse.failed': 'malformed-json',
  'entity.too.large': 'payload-too-large',
  'encoding.unsupported': 'unsupported-encoding',
  'charset.unsupported': 'unsupported-charset',
  'entity.too.deep': 'too-deeply-nested',
};

/** Express's router fails to decode a malformed `%` escape in a path parameter with a URIError marked 400. */
function isMalformedUri(err: unknown): boolean {
  return err instanceof URIError && (err as URIError & { status?: number }).status === 400;
}

export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** Maps anything thrown to a problem; unknown errors become a generic 500 that reveals nothing. */
export function toProblem(err: unknown): { problem: Problem; headers: Record<string, string>; known: boolean } {
  if (err instanceof AppError) {
    return {
      problem: {
        ...err.extensions,
        type: problemType(err.code),
        title: err.message,
        status: err.status,
        ...(err.detail ? { detail: err.detail } : {}),
        ...(err.errors ? { errors: err.errors } : {}),
      },
      headers: err.headers ?? {},
      known: err.status < 500,
    };
  }
  if (isMalformedUri(err)) {
    return {
      problem: {
        type: problemType('malformed-uri'),
        title: 'Bad request',
        status: 400,
        detail: 'The path has invalid percent-encoding.',
      },
      headers: {},
      known: true,
    };
  }
  if (isExposedHttpError(err)) {
    const code = (err.type && BODY_PARSER_CODES[err.type]) ?? 'invalid-request';
    const detail = code === 'malformed-json' ? 'The request body is not valid JSON.' : err.message;
    return {
      problem: {
        type: problemType(code),
        title: STATUS_CODES[err.status] ?? 'Bad request',
        status: err.status,
        detail,
      },
      headers: {},
      known: true,
    };
  }
  const dependency = unavailableDependency(err);
  if (dependency) {
    return {
      problem: {
        type: problemType('dependency-unavailable'),
        title: 'Service unavailable',
        status: 503,
        detail: `The ${dependency} is not answering right now. Try again in a few seconds.`,
      },
      headers: { 'Retry-After': '5' },
      known: true,
    };
  }
  return {
    problem: {
      type: problemType('internal-error'),
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. Try again; if it keeps happening, quote the request id.',
    },
    headers: {},
    known: false,
  };
}
