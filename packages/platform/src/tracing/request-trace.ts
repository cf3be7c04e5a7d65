import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { newSpanId, newTraceId, parseTraceparent, type TraceContext } from './trace-context.ts';
import { activeTracing } from './tracer.ts';

/**
 * This hop's trace context for an incoming request: the caller's trace (from `traceparent`) or a new one, and a span
 * of its own. With tracing on, the span is recorded (server kind, named by method and route template once known) and
 * ends with the response; either way its ids are what this process logs and passes on.
 */
export function startRequestTrace(req: IncomingMessage, res: ServerResponse, route: () => string): TraceContext {
  const parent = parseTraceparent(req.headers.traceparent);
  const tracing = activeTracing();
  if (!tracing) {
    return { traceId: parent?.traceId ?? newTraceId(), spanId: newSpanId(), sampled: parent?.sampled ?? true };
  }

  const parentContext = parent
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: parent.traceId,
        spanId: parent.spanId,
        traceFlags: parent.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
        isRemote: true,
      })
    : ROOT_CONTEXT;
  const method = req.method ?? 'GET';
  const span = tracing.tracer.startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } },
    parentContext,
  );
  res.once('close', () => {
    const template = route();
    span.updateName(`${method} ${template}`);
    span.setAttribute('http.route', template);
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { traceId, spanId, sampled: (traceFlags & 1) === 1 };
}
