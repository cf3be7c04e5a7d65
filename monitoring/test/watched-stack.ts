import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startOtlpReceiver, type OtlpReceiver } from '@tripwise/platform/testing';
import type { Timings } from '../src/alertmanager/config.ts';
import { startLocalMonitoring, type LocalMonitoring } from '../src/runtime/local-monitoring.ts';
import { requireTool } from '../src/runtime/tools.ts';
import type { ProcessName } from '../../scripts/stack/processes.ts';
import type { RunningStack } from '../../scripts/stack/stack.ts';
import { givenAStack } from '../../e2e/test/given-a-stack.ts';
import { driveTraffic, probeReadiness, type Seen } from './traffic.ts';

// The whole stack as `npm start` runs it (each process's log in a file, spans to a local OTLP receiver), a real
// Prometheus scraping it every second with Tripwise's rules (the cause alerts' `for:` shortened to seconds), and a
// real Alertmanager routing with the real tree to a local webhook; then a few rounds of traffic.

export const ENVIRONMENT = 'live-test';

/** Alertmanager's waits shortened to seconds, so that a test sees a notification while it runs. */
export const QUICK_ALERT_TIMINGS: Timings = {
  pageGroupWait: '1s',
  ticketGroupWait: '1s',
  groupInterval: '2s',
  pageRepeat: '1h',
  ticketRepeat: '1h',
};

export interface WatchedStack {
  stack: RunningStack;
  monitoring: LocalMonitoring;
  otlp: OtlpReceiver;
  logDir: string;
  /** Unix seconds when the traffic began. */
  startedAt: number;
  /** Request ids and trace ids the first round of traffic saw. */
  seen: Seen;
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls until `check` returns a value (not undefined), for at most `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(500);
  }
}

export async function startWatchedStack(): Promise<WatchedStack> {
  for (const tool of ['prometheus', 'alertmanager', 'promtool'] as const) requireTool(tool);
  const otlp = await startOtlpReceiver();
  const stack = await givenAStack('mon', {
    logDir: 'logs',
    env: {
      // Every line a process can write, so that the scan for secrets reads as much as an operator could.
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      // Each round signs up and in from the same loopback address; AI messages are limited low on purpose, so that
      // each round is refused one (the rate-limit panels read those refusals).
      RATE_LIMIT_AUTH_PER_15_MINUTES: '10000',
      RATE_LIMIT_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_READS_PER_MINUTE: '100000',
      RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: '2',
      LOGINS_PER_IP_PER_5_MINUTES: '10000',
      REGISTRATIONS_PER_IP_PER_HOUR: '10000',
    },
  }).catch(async (err: unknown) => {
    await otlp.close();
    throw err;
  });
  const logDir = join(stack.dataDir, 'logs');
  const cleanUp = async () => {
    await stack.remove();
    await otlp.close();
  };
  let monitoring: LocalMonitoring | undefined;
  try {
    monitoring = await startLocalMonitoring({
      dir: join(stack.dataDir, 'monitoring'),
      ports: Object.fromEntries(stack.processes.map((p) => [p.name, p.metricsPort])) as Record<ProcessName, number>,
      prometheusPort: await freePort(),
      alertmanagerPort: await freePort(),
      interval: '1s',
      timings: QUICK_ALERT_TIMINGS,
      forOverride: '2s',
      environment: ENVIRONMENT,
    });
    const startedAt = Date.now() / 1000;
    const seen = await driveRounds(stack, join(stack.dataDir, 'mail-outbox'));
    return {
      stack,
      monitoring,
      otlp,
      logDir,
      startedAt,
      seen,
      stop: async () => {
        await monitoring?.stop();
        await cleanUp();
      },
    };
  } catch (err) {
    await monitoring?.stop();
    await cleanUp();
    throw err;
  }
}

/** A few rounds a second or two apart, so that every rate has samples before and after each request. */
async function driveRounds(stack: RunningStack, mailDir: string): Promise<Seen> {
  const seen: Seen = {};
  for (let round = 0; round < 4; round++) {
    const statuses = await driveTraffic(stack.gatewayUrl, mailDir, round === 0 ? seen : {});
    expect(statuses).toMatchObject({ login: 200, flights: 200, booking: 201, 'booking-declined': 402, 'ai-chat': 429 });
    // The first round's first messages start plans, which a socket follows and then resumes.
    if (round === 0) expect(statuses['socket-resume']).toBe(200);
    await probeReadiness(stack.processes.map((p) => p.url));
    await sleep(1_500);
  }
  return seen;
}
