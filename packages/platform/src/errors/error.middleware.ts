import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger/index.ts';
import { currentRequestContext } from '../logger/index.ts';
import { AppError } from './app-error.ts';
import { PROBLEM_CONTENT_TYPE, toProblem, type Problem } from './problem.ts';

export interface ErrorMiddlewareOptions {
  logger: Logger;
  /** Called for 5xx errors, e.g. to send them to Sentry. */
  report?: (err: unknown) => void;
  /** Counts errors the service did not expect. */
  onUnexpected?: () => void;
}

/** Writes a problem+json response with the request id and the path as `instance`. */
export function sendProblem(
  res: Parameters<RequestHandler>[1],
  problem: Problem,
  instance: string,
  headers: Record<string, string> = {},
): void {
  const requestId = currentRequestContext()?.requestId;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...problem, instance, ...(requestId ? { requestId } : {}) }));
}

/** The one error handler: logs, reports 5xx, and answers RFC 9457 problem+json. */
export function errorMiddleware(options: ErrorMiddlewareOptions): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      // Too late for a problem body: let Express close the connection.
      next(err);
      return;
    }
    const { problem, headers, known } = toProblem(err);
    if (problem.status >= 500) {
      options.logger.error('request failed', {
        err,
        req: { method: req.method, url: req.originalUrl, headers: req.headers },
      });
      options.report?.(err);
      if (!known && !(err instanceof AppError)) options.onUnexpected?.();
    } else {
      options.logger.debug('request rejected', { status: problem.status, type: problem.type });
    }
    sendProblem(res, problem, req.originalUrl, headers);
  };
}

export const notFoundMiddleware: RequestHandler = (req, _res, next) => {
  next(new AppError('not-found', 404, 'Not found', { detail: `No route matches ${req.method} ${req.path}.` }));
};
