import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { DenyCheck, Identity, TokenVerifier } from '@tripwise/platform/auth';
import type { Logger } from '@tripwise/platform/logger';
import { countDelivery, countDisconnect, countResume, socketsConnected } from '../agent.metrics.ts';
import type { JobEvents } from '../domain/jobs/job-events.ts';
import type { JobRunner } from '../domain/jobs/job-runner.ts';

export interface AgentSocketData {
  identity: Identity;
}

export interface AgentSocketOptions {
  verify: TokenVerifier;
  logger: Logger;
  /** True when the session behind a token was revoked (checked at connection and then every `revocationCheckMs`). */
  isDenied: DenyCheck;
  /** Origins allowed to open a socket (the gateway checks too; this holds when the agent is reached directly). */
  allowedOrigins: readonly string[];
  revocationCheckMs?: number;
  /** At most this many events from one socket per 10 s. */
  eventsPer10s?: number;
}

const resumeSchema = z.object({ jobId: z.uuid(), afterSeq: z.number().int().min(0) });
const cancelSchema = z.object({ jobId: z.uuid() });
const refreshSchema = z.object({ token: z.string().min(1).max(4_000) });
type Ack = (answer: Record<string, unknown>) => void;
const userRoom = (userId: string) => `user:${userId}`;

/** Broadcast flags travel with an event to every instance (the Redis adapter publishes them), never to clients. */
interface DeliveryFlags {
  deliveryEvent?: string;
  deliverySentAt?: number;
}

/**
 * Times each event this instance writes to its sockets from when it was emitted, on whichever instance: the adapter
 * runs `apply` once per instance that delivers a broadcast (the emitter's and, through Redis, each other's).
 */
function observeDeliveries(adapter: object): void {
  type Apply = (opts: { flags?: DeliveryFlags }, callback: unknown) => unknown;
  const target = adapter as { apply?: Apply };
  const apply = target.apply;
  if (typeof apply !== 'function') return;
  target.apply = function (this: unknown, opts, callback) {
    const { deliveryEvent, deliverySentAt } = opts.flags ?? {};
    if (deliveryEvent && deliverySentAt) countDelivery(deliveryEvent, deliverySentAt);
    return apply.call(this, opts, callback);
  };
}

function refuse(detail: string, status = 401) {
  return Object.assign(new Error('unauthorized'), { data: { status, detail } });
}

/**
 * Socket.IO for the agent: namespace `/agent`, WebSocket only (no sticky sessions needed), the token checked in the
 * handshake (and again when it is renewed), each socket in its user's room. A socket is dropped when its token
 * expires without renewal or its session is revoked. Created before the HTTP server listens (`attach` later), so
 * jobs can emit from the start; with the Redis adapter, rooms span instances.
 */
export function createAgentSocket(options: AgentSocketOptions) {
  const io = new Server({
    path: '/socket.io/',
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 64_000,
    connectTimeout: 10_000,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || options.allowedOrigins.includes(origin));
    },
  });
  const agent = io.of('/agent');
  const expiries = new Map<string, NodeJS.Timeout>();

  /** Disconnects the socket when its token expires, unless it is renewed first. */
  const expireAt = (socket: Socket, identity: Identity) => {
    clearTimeout(expiries.get(socket.id));
    const ms = Math.max(0, identity.expiresAt * 1000 - Date.now());
    expiries.set(
      socket.id,
      setTimeout(
        () => {
          socket.emit('session:expired', { detail: 'Your sign-in expired. Reconnect with a fresh token.' });
          socket.disconnect(true);
        },
        Math.min(ms, 2 ** 31 - 1),
      ),
    );
  };

  agent.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === 'string' ? auth.token : socket.handshake.query.access_token;
    if (typeof token !== 'string') {
      next(refuse('Sign in to connect.'));
      return;
    }
    options
      .verify(token)
      .then(async (identity) => {
        if (await options.isDenied(identity.sessionId)) throw new Error('revoked');
        (socket.data as AgentSocketData).identity = identity;
        next();
      })
      .catch(() => next(refuse('The access token is not valid.')));
  });

  agent.on('connection', (socket) => {
    const data = socket.data as AgentSocketData;
    void socket.join(userRoom(data.identity.userId));
    expireAt(socket, data.identity);
    // The budget refills when it is next used, rather than from a timer per socket (10,000 timers at 10,000 sockets).
    const limit = options.eventsPer10s ?? 30;
    let budget = limit;
    let windowStart = Date.now();
    socket.use((_event, next) => {
      if (Date.now() - windowStart >= 10_000) {
        windowStart = Date.now();
        budget = limit;
      }
      if (budget-- > 0) {
        next();
        return;
      }
      socket.emit('error:rate-limited', { detail: 'Too many messages; slow down.' });
    });
    socketsConnected.inc();
    socket.on('disconnect', (reason) => {
      socketsConnected.dec();
      countDisconnect(reason);
      clearTimeout(expiries.get(socket.id));
      expiries.delete(socket.id);
    });
    socket.on('auth:refresh', (input: unknown, ack?: Ack) => {
      const parsed = refreshSchema.safeParse(input);
      if (!parsed.success) return ack?.({ ok: false, error: 'expected { token }' });
      options
        .verify(parsed.data.token)
        .then((identity) => {
          if (identity.userId !== data.identity.userId) throw new Error('another user');
          data.identity = identity;
          expireAt(socket, identity);
          ack?.({ ok: true, expiresAt: identity.expiresAt });
        })
        .catch(() => ack?.({ ok: false, error: 'The access token is not valid.' }));
    });
    socket.emit('session:ready', { userId: data.identity.userId });
  });

  return {
    io,
    /** Drops this instance's sockets whose session was revoked (the service runs it every few seconds). */
    async dropRevokedSessions() {
      for (const socket of await agent.local.fetchSockets()) {
        const { identity } = socket.data as AgentSocketData;
        if (await options.isDenied(identity.sessionId).catch(() => false)) {
          socket.emit('session:revoked', { detail: 'This session was signed out.' });
          socket.disconnect(true);
        }
      }
    },
    emitToUser: (userId: string, event: string, payload: unknown) => {
      const operator = agent.to(userRoom(userId));
      const flags: DeliveryFlags = { deliveryEvent: event, deliverySentAt: Date.now() };
      Object.assign((operator as unknown as { flags: DeliveryFlags }).flags, flags);
      operator.emit(event, payload);
    },
    /** Whether the user has a socket open on any instance (the adapter asks the others). */
    isOnline: async (userId: string) => (await agent.in(userRoom(userId)).fetchSockets()).length > 0,
    /** Runs for each new socket once it has joined its room (e.g. to send what was missed while offline). */
    onConnected(handler: (userId: string, send: (event: string, payload: unknown) => void) => Promise<void>) {
      agent.on('connection', (socket) => {
        const { userId } = (socket.data as AgentSocketData).identity;
        handler(userId, (event, payload) => socket.emit(event, payload)).catch((err: unknown) =>
          options.logger.warn('a new socket could not be brought up to date', { err }),
        );
      });
    },
    /** Job events: resume after a reconnection (to any instance), and cancellation. */
    handleJobs(jobs: JobRunner, events: JobEvents) {
      agent.on('connection', (socket) => {
        const { userId } = (socket.data as AgentSocketData).identity;
        socket.on('job:resume', (input: unknown, ack?: Ack) => {
          const parsed = resumeSchema.safeParse(input);
          if (!parsed.success) return ack?.({ ok: false, error: 'expected { jobId, afterSeq }' });
          void (async () => {
            const meta = await events.meta(parsed.data.jobId);
            if (!meta || meta.userId !== userId) {
              countResume('unknown_job');
              return ack?.({ ok: false, error: 'no such job' });
            }
            const missed = await events.replay(parsed.data.jobId, parsed.data.afterSeq);
            for (const e of missed) socket.emit(e.event, e.payload);
            countResume(missed.length > 0 ? 'replayed' : 'up_to_date', missed.length);
            ack?.({ ok: true, status: meta.status, replayed: missed.length });
          })().catch((err: unknown) => {
            options.logger.warn('job resume failed', { err });
            ack?.({ ok: false, error: 'try again' });
          });
        });
        socket.on('job:cancel', (input: unknown, ack?: Ack) => {
          const parsed = cancelSchema.safeParse(input);
          if (!parsed.success) return ack?.({ ok: false, error: 'expected { jobId }' });
          void jobs.cancel(parsed.data.jobId, userId).then((ok) => ack?.({ ok }));
        });
      });
    },
    attach: (server: HttpServer) => {
      // By now the adapter is the one the service chose (Redis or in-memory): its deliveries are what is timed.
      observeDeliveries(agent.adapter);
      io.attach(server);
    },
    /** Disconnects every socket so the HTTP server can drain; clients reconnect to another instance. */
    close: async () => {
      for (const timer of expiries.values()) clearTimeout(timer);
      agent.disconnectSockets(true);
      await io.close();
    },
  };
}

export type AgentSocket = ReturnType<typeof createAgentSocket>;
