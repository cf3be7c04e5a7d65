import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';

/** AI agent benchmark settings; the only place it reads the environment. */
const parsed = parseConfig(
  z.object({
    /** Which parts to run, comma-separated: `chat` (end to end through the gateway) and `fanout` (10k sockets). */
    BENCH_AGENT_PARTS: z
      .string()
      .default('chat,fanout')
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(['chat', 'fanout'])).min(1)),
    /** Chat part: concurrent travelers, each with its own socket, asking for a trip as soon as the last one came. */
    BENCH_AGENT_CHAT_USERS: z.coerce.number().int().positive().max(1_000).default(50),
    BENCH_AGENT_CHAT_WARMUP_SECONDS: z.coerce.number().min(0).max(300).default(5),
    /** Chat part, each phase: back to back, then with pauses of about this long (a person reading the bundles). */
    BENCH_AGENT_CHAT_SECONDS: z.coerce.number().positive().max(600).default(30),
    BENCH_AGENT_CHAT_THINK_MS: z.coerce.number().int().min(1).max(60_000).default(1_000),
    /** Fan-out part: sockets held on instance A, and the clients' processes sharing them. */
    BENCH_AGENT_SOCKETS: z.coerce.number().int().positive().max(50_000).default(10_000),
    BENCH_AGENT_CLIENT_PROCESSES: z.coerce.number().int().positive().max(32).default(4),
    /** Connections being opened at once, across all client processes. */
    BENCH_AGENT_CONNECT_CONCURRENCY: z.coerce.number().int().positive().max(5_000).default(200),
    /** Held idle before the load (longer than the agent's 15 s session sweep, so one sweep is in the figure). */
    BENCH_AGENT_IDLE_SECONDS: z.coerce.number().min(0).max(600).default(20),
    BENCH_AGENT_EVENTS_PER_SECOND: z.coerce.number().positive().max(50_000).default(1_000),
    BENCH_AGENT_FANOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
    DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/postgres'),
    REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  }),
  process.env,
);

export const agentBenchEnv = {
  parts: new Set(parsed.BENCH_AGENT_PARTS),
  chat: {
    users: parsed.BENCH_AGENT_CHAT_USERS,
    warmupMs: parsed.BENCH_AGENT_CHAT_WARMUP_SECONDS * 1000,
    durationMs: parsed.BENCH_AGENT_CHAT_SECONDS * 1000,
    thinkMs: parsed.BENCH_AGENT_CHAT_THINK_MS,
  },
  fanout: {
    sockets: parsed.BENCH_AGENT_SOCKETS,
    clientProcesses: Math.min(parsed.BENCH_AGENT_CLIENT_PROCESSES, parsed.BENCH_AGENT_SOCKETS),
    connectConcurrency: parsed.BENCH_AGENT_CONNECT_CONCURRENCY,
    idleMs: parsed.BENCH_AGENT_IDLE_SECONDS * 1000,
    eventsPerSecond: parsed.BENCH_AGENT_EVENTS_PER_SECOND,
    durationMs: parsed.BENCH_AGENT_FANOUT_SECONDS * 1000,
  },
  /** The benchmark makes (and drops) its own database on this server. */
  databaseUrl: parsed.DATABASE_URL,
  redisUrl: parsed.REDIS_URL,
};
