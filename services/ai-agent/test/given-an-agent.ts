import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { createTokenVerifier } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { runBackgroundTasks } from '@tripwise/platform/http';
import { captureLogs, openTestDb, openTestKv, startTestIssuer, type TestIssuer } from '@tripwise/platform/testing';
import { createApp } from '../src/app.ts';
import { bookingApi } from '../src/clients/booking.client.ts';
import { priceEventsClient } from '../src/clients/price-events.client.ts';
import { searchApi } from '../src/clients/search.client.ts';
import type { IntentLlm } from '../src/domain/intent/llm/intent-llm.ts';
import {
  givenASearchService,
  insertCars,
  insertFlights,
  insertHotels,
  NOW,
  SERVICE_TOKEN,
} from '@tripwise/search/testing';
import { redisSocketAdapter } from '../src/realtime/redis-socket-adapter.ts';

export const ORIGIN = 'http://localhost:8080';

/**
 * One agent instance as index.ts builds it: the app and its socket on a real HTTP server, the job workers running.
 * Several instances given the same db, the same kv and `redis` (with a shared key) behave as a scaled-out agent.
 */
export async function startAgent(options: {
  db: Db;
  kv: KvStore;
  issuer: TestIssuer;
  searchUrl: string;
  /** The booking service (for booking a bundle); none by default. */
  bookingUrl?: string;
  intentLlm?: IntentLlm;
  /** Redis for the socket adapter, and the key prefix its channels share across the instances of one test. */
  redis?: { url: string; prefix: string };
  isDenied?: (sessionId: string) => Promise<boolean>;
  now?: () => Date;
}) {
  const logs = captureLogs('ai-agent');
  const verify = createTokenVerifier({
    jwksUrl: options.issuer.jwksUrl,
    issuer: options.issuer.issuer,
    audience: options.issuer.audience,
  });
  const redisClosers: (() => Promise<void>)[] = [];
  const service = createApp({
    config: { BODY_LIMIT: '100kb', TRUST_PROXY_HOPS: 1, CORS_ORIGINS: [ORIGIN], SOCKET_REVOCATION_CHECK_MS: 200 },
    logger: logs.logger,
    db: options.db,
    kv: options.kv,
    access: { verify, isDenied: options.isDenied ?? (async () => false) },
    socketAdapter: options.redis
      ? redisSocketAdapter(options.redis.url, options.redis.prefix, { onClose: (close) => redisClosers.push(close) })
      : undefined,
    search: searchApi({ url: options.searchUrl }),
    booking: bookingApi({ url: options.bookingUrl ?? 'http://127.0.0.1:9' }),
    ...(options.intentLlm ? { intentLlm: options.intentLlm } : {}),
    priceEvents: priceEventsClient({ url: options.searchUrl, serviceToken: SERVICE_TOKEN }),
    ...(options.now ? { now: options.now } : {}),
  });
  // As index.ts starts it: the workers, then every background task (the revocation check every 200 ms here).
  const stopWorkers = await service.start({ livePrices: false });
  const tasks = runBackgroundTasks(service.backgroundTasks, {
    logger: logs.logger,
    registry: service.metrics.registry,
  });
  const server = createServer(service.app);
  service.attach?.(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];

  return {
    url,
    service,
    logs,
    /** A signed-in call to the agent's API. */
    call: async (token: string | null, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    /**
     * A socket.io client on /agent, connected (or refused: the promise then rejects with the error). `listen` runs
     * before the connection, so nothing the server sends at once is missed.
     */
    connect: async (token: string | null, origin = ORIGIN, listen?: (socket: Socket) => void) => {
      const client = connect(`${url}/agent`, {
        path: '/socket.io/',
        transports: ['websocket'],
        reconnection: false,
        auth: token ? { token } : {},
        extraHeaders: { origin },
      });
      sockets.push(client);
      listen?.(client);
      await new Promise<void>((resolve, reject) => {
        client.once('session:ready', () => resolve());
        client.once('connect_error', reject);
      });
      return client;
    },
    close: async () => {
      for (const s of sockets) s.disconnect();
      await tasks.stop();
      await stopWorkers();
      await new Promise((resolve) => server.close(resolve));
      for (const close of redisClosers) await close();
    },
  };
}

export type Agent = Awaited<ReturnType<typeof startAgent>>;

/** Every event a socket receives, in order, for assertions. */
export function recordEvents(socket: Socket) {
  const events: { event: string; payload: any }[] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  return {
    events,
    /** Resolves once an event of this name for this job has arrived. */
    until: (event: string, jobId: string, timeoutMs = 10_000) =>
      new Promise<any>((resolve, reject) => {
        const found = () => events.find((e) => e.event === event && e.payload?.jobId === jobId);
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no ${event} for ${jobId} in ${timeoutMs} ms: ${JSON.stringify(events.map((e) => e.event))}`),
            ),
          timeoutMs,
        );
        const check = () => {
          const hit = found();
          if (hit) {
            clearTimeout(timer);
            socket.offAny(check);
            resolve(hit.payload);
          }
        };
        socket.onAny(check);
        check();
      }),
    of: (jobId: string) => events.filter((e) => e.payload?.jobId === jobId),
  };
}

/**
 * The usual world of an agent test: the real search service with a little inventory, the agent's own database and
 * store, a token issuer, and one agent instance on them. `close` stops it all.
 */
export async function givenAnAgentOnSearch(
  inventory = { flights: 60, hotels: 25, cars: 12 },
  market?: NonNullable<Parameters<typeof givenASearchService>[0]>['market'],
) {
  const search = await givenASearchService(market ? { market } : {});
  await insertFlights(search.db, inventory.flights);
  await insertHotels(search.db, inventory.hotels);
  await insertCars(search.db, inventory.cars);
  const db = await openTestDb({ migrationsDir: fileURLToPath(new URL('../src/data/migrations', import.meta.url)) });
  const kv = await openTestKv();
  const issuer = await startTestIssuer();
  const agent = await startAgent({ db, kv, issuer, searchUrl: search.url, now: () => NOW });
  return {
    search,
    db,
    kv,
    issuer,
    agent,
    close: async () => {
      await agent.close();
      await kv.close();
      await db.close();
      await issuer.close();
      await search.close();
    },
  };
}

export type AgentWorld = Awaited<ReturnType<typeof givenAnAgentOnSearch>>;
