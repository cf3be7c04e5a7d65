import {
  insightBatchSchema,
  insightEventSchema,
  type InsightEvent,
  type InsightIngestResult,
} from '@tripwise/contracts';
import { AppError, parseInput } from '@tripwise/platform/errors';
import type { AttemptLimiter } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import type { EventRow } from '../data/events.repository.ts';
import { countAccepted, countBatch, countDropped } from '../insights.metrics.ts';
import type { EventBuffer } from './event-buffer.ts';

export interface IngestDeps {
  buffer: EventBuffer;
  perAddress: AttemptLimiter;
  perSession: AttemptLimiter;
  logger: Logger;
}

/** How far from the server's clock an event's time may be (clock skew, a tab asleep before its beacon). */
const MAX_PAST_MS = 2 * 86_400_000;
const MAX_FUTURE_MS = 10 * 60_000;

/**
 * A limit answers 429 when it is exceeded; when the store behind it is down, analytics are let through rather than
 * answering 5xx (losing a limit for a while costs less than refusing every page's beacon).
 */
async function within(limiter: AttemptLimiter, subject: string, logger: Logger): Promise<void> {
  try {
    await limiter.consume(subject);
  } catch (err) {
    if (err instanceof AppError && err.status === 429) {
      countBatch('rate_limited');
      throw err;
    }
    logger.warn('insights rate limit not checked (store unavailable); batch let through', { err });
  }
}

/**
 * Takes one batch: the envelope must be valid (else 400, counted); each event is checked on its own and a bad one is
 * dropped and counted; the rest wait in the write buffer. Nothing here waits for the database.
 */
export async function ingestBatch(deps: IngestDeps, body: unknown, address: string, now = Date.now()) {
  let batch;
  try {
    batch = parseInput(insightBatchSchema, body, 'body');
  } catch (err) {
    countBatch('malformed');
    throw err;
  }
  await within(deps.perAddress, address, deps.logger);
  await within(deps.perSession, batch.sessionId, deps.logger);

  const rows: EventRow[] = [];
  for (const candidate of batch.events) {
    const parsed = insightEventSchema.safeParse(candidate);
    if (!parsed.success || !plausibleTime(parsed.data, now)) continue;
    rows.push({ sessionId: batch.sessionId, userKey: batch.userKey ?? null, device: batch.device, event: parsed.data });
  }
  const dropped = batch.events.length - rows.length;
  if (!deps.buffer.add(rows)) {
    countBatch('overloaded');
    throw new AppError('insights-overloaded', 429, 'Too many requests', {
      detail: 'Analytics are busy writing; this batch was not kept. Nothing needs to be done.',
      headers: { 'Retry-After': '5' },
    });
  }
  countBatch('accepted');
  countAccepted(rows.length);
  countDropped('invalid', dropped);
  return { accepted: rows.length, dropped } satisfies InsightIngestResult;
}

function plausibleTime(event: InsightEvent, now: number): boolean {
  return event.at >= now - MAX_PAST_MS && event.at <= now + MAX_FUTURE_MS;
}
