import { randomBytes } from 'node:crypto';

/** The W3C trace context of one hop: the trace it belongs to, this hop's span, and whether it is sampled. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

export const TRACEPARENT_HEADER = 'traceparent';

// version 00: `00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`; all-zero ids are invalid.
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;

/** The caller's trace context, or undefined when the header is absent or not a valid `traceparent`. */
export function parseTraceparent(header: unknown): TraceContext | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(spanId)) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.sampled ? '01' : '00'}`;
}

// Ids are cut from a pool of random bytes filled 4 KiB at a time: one call into the system's random source per
// ~170 requests instead of two per request (every request gets a span id, and a trace id unless it brings one).
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let used = POOL_SIZE;
function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + bytes);
  used += bytes;
  return hex;
}

export const newTraceId = (): string => randomHex(16);
export const newSpanId = (): string => randomHex(8);
