import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { markPublished, takeUnpublished } from '../data/outbox.repository.ts';

const BATCH = 100;

/**
 * Publishes the outbox's events on the shared pub/sub, oldest first, and marks them published in the same
 * transaction that locked them: an event is published at least once, and only if its change was committed.
 * Several instances share the work (SKIP LOCKED). Subscribers tell repeats apart by `eventId`.
 */
export function createOutboxPublisher(db: Db, kv: KvStore, logger: Logger) {
  let running: Promise<void> | undefined;
  let again = false;

  async function drain(): Promise<void> {
    do {
      again = false;
      const published = await db.transaction(async (tx) => {
        const events = await takeUnpublished(tx, BATCH);
        for (const event of events) {
          await kv.publish(event.topic, JSON.stringify({ ...event.payload, eventId: event.id }));
        }
        if (events.length > 0) {
          await markPublished(
            tx,
            events.map((e) => e.id),
          );
        }
        return events.length;
      });
      if (published === BATCH) again = true;
    } while (again);
  }

  /** Publishes what is waiting; if a run is under way, it goes round once more instead. */
  function publishPending(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const run = drain()
      .catch((err: unknown) => {
        logger.warn('outbox events not published yet; will retry', { err });
      })
      .finally(() => {
        running = undefined;
      });
    running = run;
    return run;
  }

  return { publishPending };
}
