import type { Logger } from '@tripwise/platform/logger';
import type { EventRow } from '../data/events.repository.ts';
import { countDropped, setBuffered } from '../insights.metrics.ts';

export interface EventBuffer {
  /** Queues rows; false (nothing queued) when the buffer has no room for all of them. */
  add: (rows: readonly EventRow[]) => boolean;
  /** Writes what is queued now (the flush task calls this; so does shutdown). */
  flush: () => Promise<void>;
  size: () => number;
}

/**
 * Events wait in memory and are written together: ingest answers without touching the database, and the database
 * sees one insert per flush instead of one per request. A failed write keeps the rows for the next flush, as long
 * as there is room; past the bound, the oldest are dropped and counted, so a database outage costs memory only up
 * to `maxEvents`.
 */
export function eventBuffer(
  write: (rows: readonly EventRow[]) => Promise<void>,
  options: { maxEvents: number; flushAt: number; logger: Logger },
): EventBuffer {
  let queue: EventRow[] = [];
  let flushing: Promise<void> | undefined;

  const flushOnce = async () => {
    while (queue.length > 0) {
      const rows = queue;
      queue = [];
      setBuffered(0);
      try {
        await write(rows);
      } catch (err) {
        const room = Math.max(0, options.maxEvents - queue.length);
        const kept = rows.slice(Math.max(0, rows.length - room));
        countDropped('unflushed', rows.length - kept.length);
        queue = [...kept, ...queue];
        setBuffered(queue.length);
        options.logger.warn('insights events not written; kept for the next flush', { err, events: rows.length });
        return;
      }
    }
  };
  const flush = () => {
    flushing ??= flushOnce().finally(() => {
      flushing = undefined;
    });
    return flushing;
  };

  return {
    add: (rows) => {
      if (queue.length + rows.length > options.maxEvents) return false;
      queue.push(...rows);
      setBuffered(queue.length);
      // A full enough buffer is written now rather than at the next tick of the flush task.
      if (queue.length >= options.flushAt) void flush();
      return true;
    },
    flush,
    size: () => queue.length,
  };
}
