import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { priceEventSchema, type PriceEvent } from './price-event.ts';

/** Search publishes on this channel (services/search/src/domain/market/price-market.ts). */
export const PRICE_CHANNEL = 'search.price-changed';
const LOCK = 'agent:price-feed:lock';
const CURSOR = 'agent:price-feed:cursor';
const HOUR_MS = 3_600_000;

/**
 * Search's price events, each handled once across every agent instance: heard live on pub/sub when Redis is
 * shared, and read from search's feed after the last one handled (the embedded mode, a restart, a lost message).
 * One instance at a time reads the feed (a lock); a claim per event keeps the two paths from both handling it.
 */
export function createPriceFeed(deps: {
  kv: KvStore;
  logger: Logger;
  instanceId: string;
  fetchAfter: (afterId: number) => Promise<unknown[]>;
  /** The newest event's id (0 when there is none): where a first start begins, rather than a week back. */
  fetchLatestId: () => Promise<number>;
  handle: (event: PriceEvent) => Promise<void>;
}) {
  const { kv, logger } = deps;
  const handleOnce = async (raw: unknown) => {
    const parsed = priceEventSchema.safeParse(raw);
    if (!parsed.success) {
      return logger.warn('a price event did not match its schema', { issue: parsed.error.issues[0]?.message });
    }
    if (!(await kv.set(`agent:price-event:${parsed.data.id}`, '1', { ttlMs: HOUR_MS, onlyIfAbsent: true }))) return;
    await deps.handle(parsed.data);
  };

  /** Reads what the feed has after the cursor, while holding the feed's lock; returns how many it handled. */
  async function readFeed(): Promise<number> {
    const mine =
      (await kv.set(LOCK, deps.instanceId, { ttlMs: 15_000, onlyIfAbsent: true })) ||
      (await kv.get(LOCK)) === deps.instanceId;
    if (!mine) return 0;
    await kv.expire(LOCK, 15_000);
    if ((await kv.get(CURSOR)) === null) {
      await kv.set(CURSOR, String(await deps.fetchLatestId()));
      return 0;
    }
    let handled = 0;
    for (;;) {
      const after = Number(await kv.get(CURSOR));
      const events = await deps.fetchAfter(after);
      for (const event of events) {
        await handleOnce(event);
        await kv.set(CURSOR, String((event as { id: number }).id));
        handled++;
      }
      if (events.length < 500) return handled;
    }
  }

  // While the stack starts, search seeds its inventory before it listens: until it has answered once, not reaching
  // it is expected and only worth a debug line; afterwards it is a failure like any other.
  let searchAnswered = false;
  const poll = async (): Promise<number> => {
    try {
      const handled = await readFeed();
      searchAnswered = true;
      return handled;
    } catch (err) {
      if (searchAnswered || !(err instanceof TypeError)) throw err;
      logger.debug('search is not answering yet; price events are read once it does', { err });
      return 0;
    }
  };

  return {
    poll,
    subscribe: () =>
      kv.subscribe(PRICE_CHANNEL, (message) => {
        void handleOnce(JSON.parse(message)).catch((err: unknown) =>
          logger.warn('a price event could not be handled', { err }),
        );
      }),
  };
}
