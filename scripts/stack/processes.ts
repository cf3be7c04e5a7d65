import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVICES = ['auth', 'search', 'booking', 'ai-agent', 'insights'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type ProcessName = ServiceName | 'api-gateway';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const ENTRY_POINTS: Record<ProcessName, string> = {
  auth: 'services/auth/src/index.ts',
  search: 'services/search/src/index.ts',
  booking: 'services/booking/src/index.ts',
  'ai-agent': 'services/ai-agent/src/index.ts',
  insights: 'services/insights/src/index.ts',
  'api-gateway': 'api-gateway/src/index.ts',
};

/**
 * Node's own flags for a process, wherever it is started (npm start, the benchmarks, a container's command).
 * The agent holds thousands of idle sockets: a young generation of 4 MiB semi-spaces instead of V8's default
 * 16 MiB keeps its resident memory ~25% lower under load (measured by bench:agent), for slightly more frequent,
 * short, minor collections. (services/ai-agent's own `npm start` passes the same flag.)
 */
export const NODE_FLAGS: Record<ProcessName, string[]> = {
  auth: [],
  search: [],
  booking: [],
  'ai-agent': ['--max-semi-space-size=4'],
  insights: [],
  'api-gateway': [],
};

/**
 * Node's flags for a service on the embedded database (no DATABASE_URL). PGlite's Postgres is a large WebAssembly
 * module, and V8's optimising tier recompiles its hot functions in the background, keeping ~100-190 MB per process
 * of compiled code and compiler memory; Liftoff, V8's baseline compiler, runs it with none of that, its queries
 * somewhat slower (bench:footprint). So `--liftoff-only` from the second start on: the first start seeds weeks of
 * flights, which the optimising tier makes faster. PGLITE_LIFTOFF_ONLY=true or false decides it for every start.
 * The gateway embeds no database.
 */
export function embeddedNodeFlags(name: ProcessName, env: NodeJS.ProcessEnv): string[] {
  if (name === 'api-gateway' || env.DATABASE_URL || env.PGLITE_LIFTOFF_ONLY === 'false') return [];
  const seeded = existsSync(join(env.DATA_DIR ?? join(REPO_ROOT, 'data'), name, 'pgdata', 'PG_VERSION'));
  return env.PGLITE_LIFTOFF_ONLY === 'true' || seeded ? ['--liftoff-only'] : [];
}

/** The gateway's variable naming each service's base URL. */
export const UPSTREAM_URL_VARIABLE: Record<ServiceName, string> = {
  auth: 'AUTH_URL',
  search: 'SEARCH_URL',
  booking: 'BOOKING_URL',
  'ai-agent': 'AI_AGENT_URL',
  insights: 'INSIGHTS_URL',
};
