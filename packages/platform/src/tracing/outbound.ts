import { currentRequestContext } from '../logger/request-context.ts';
import { formatTraceparent } from './trace-context.ts';

/**
 * Headers for a call to another service made while handling a request (or a job it started): the W3C
 * `traceparent` naming this hop's span as the parent, and the request id, so the callee's log lines join the trace.
 * Empty outside any request (periodic work starts traces of its own at the callee).
 */
export function propagationHeaders(): Record<string, string> {
  const context = currentRequestContext();
  if (!context?.traceId || !context.spanId) return {};
  return {
    traceparent: formatTraceparent({
      traceId: context.traceId,
      spanId: context.spanId,
      sampled: context.sampled ?? true,
    }),
    'x-request-id': context.requestId,
  };
}

/** The trace id of the request being handled, if any (e.g. to stamp the events a job sends). */
export function currentTraceId(): string | undefined {
  return currentRequestContext()?.traceId;
}
