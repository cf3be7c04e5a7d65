import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestContext } from '../logger/index.ts';
import { routeLabel } from '../metrics/index.ts';
import { formatTraceparent, startRequestTrace } from '../tracing/index.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

// Accept an id from the hop in front (nginx, the gateway) only if it cannot smuggle anything into logs.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function acceptOrCreateRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * First middleware: gives the request an id, echoes it back, joins (or starts) its W3C trace with a span of this
 * process, and opens the logging context. `traceparent` is rewritten to name this span, so a proxied request carries
 * it on as the parent.
 */
export const requestIdMiddleware: RequestHandler = (req, res, next) => {
  const requestId = acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const trace = startRequestTrace(req, res, () => routeLabel(req, res));
  req.headers.traceparent = formatTraceparent(trace);
  res.setHeader('X-Trace-Id', trace.traceId);
  runWithRequestContext({ requestId, traceId: trace.traceId, spanId: trace.spanId, sampled: trace.sampled }, next);
};
