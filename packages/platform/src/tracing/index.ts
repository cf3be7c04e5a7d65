export { currentTraceId, propagationHeaders } from './outbound.ts';
export { startRequestTrace } from './request-trace.ts';
export {
  TRACEPARENT_HEADER,
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
  type TraceContext,
} from './trace-context.ts';
export { activeTracing, initTracing, type Tracing } from './tracer.ts';
