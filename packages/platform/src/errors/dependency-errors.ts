/*
 * Failures of what a service depends on (its database, the key-value store), recognised by their codes and
 * messages so that any request that meets one answers 503 with Retry-After: nobody's fault, worth retrying, and
 * never a 500 that reads like a bug.
 */

export type Dependency = 'database' | 'key-value store' | 'service this depends on';

/** Socket-level failures: the peer refused, went away, or never answered. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
]);
/** PostgreSQL: connection exceptions (class 08), shutting down or starting, too many connections, cancelled by timeout. */
const POSTGRES_UNAVAILABLE = /^(08...|57P01|57P02|57P03|53300|57014)$/;
const POSTGRES_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];
const REDIS_MESSAGES = [
  'Command timed out',
  'Connection is closed',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
];

function fieldOf(err: object, name: string): string | undefined {
  const value = (err as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Which dependency an error says is unavailable, if it says so. */
export function unavailableDependency(err: unknown): Dependency | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const message = fieldOf(err, 'message') ?? '';
  const code = fieldOf(err, 'code') ?? '';
  const name = fieldOf(err, 'name') ?? '';
  if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((m) => message.includes(m))) return 'key-value store';
  if (POSTGRES_UNAVAILABLE.test(code) || POSTGRES_MESSAGES.some((m) => message.includes(m))) return 'database';
  if (NETWORK_CODES.has(code)) return 'service this depends on';
  return undefined;
}
