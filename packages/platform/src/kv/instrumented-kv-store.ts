import { kvCommandDuration, timed } from '../metrics/process-metrics.ts';
import type { KvStore } from './kv-store.ts';

type Command = 'get' | 'set' | 'del' | 'incr' | 'expire' | 'ttl' | 'sadd' | 'srem' | 'smembers' | 'eval' | 'publish';
const COMMANDS: readonly Command[] = [
  'get',
  'set',
  'del',
  'incr',
  'expire',
  'ttl',
  'sadd',
  'srem',
  'smembers',
  'eval',
  'publish',
];

/**
 * The same store with each command timed (`kv_command_duration_seconds{command, outcome}`): the method name is the
 * label, a closed set. Subscriptions, pings and close are not commands a request waits on.
 */
export function instrumentKvStore(store: KvStore): KvStore {
  const instrumented: KvStore = { ...store, kind: store.kind };
  for (const command of COMMANDS) {
    const original = (store as unknown as Record<Command, (...args: unknown[]) => Promise<unknown>>)[command];
    const observe = (seconds: number, outcome: string) => kvCommandDuration.observe({ command, outcome }, seconds);
    (instrumented as unknown as Record<Command, (...args: unknown[]) => Promise<unknown>>)[command] = (...args) =>
      timed(observe, () => original.apply(store, args));
  }
  return instrumented;
}
