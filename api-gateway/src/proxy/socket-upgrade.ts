import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Identity } from '@tripwise/platform/auth';
import { AppError } from '@tripwise/platform/errors';
import { attemptLimiter, type KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import type { DenyCheck } from '@tripwise/platform/auth';
import { forwardedHeaders } from './forwarded-headers.ts';
import type { UpstreamTargets } from './upstream-targets.ts';

export interface SocketUpgradeOptions {
  /** The AI agent's instances: each new socket goes to the next (a client that loses its instance reconnects). */
  targets: UpstreamTargets;
  allowedOrigins: readonly string[];
  /** Told of each origin refused (for an operator: the allow-list may be missing this deployment's origin). */
  refusedOrigin?: (origin: string, what: 'websocket') => void;
  verify: (token: string) => Promise<Identity>;
  isDenied: DenyCheck;
  kv: KvStore;
  connectionsPerMinute: number;
  /** Proxies in front of the gateway whose X-Forwarded-For entry it believes. */
  trustProxyHops: number;
  logger: Logger;
}

function refuse(socket: Duplex, status: number, reason: string, detail: string): void {
  const body = JSON.stringify({ type: '/problems/websocket-refused', title: reason, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * WebSocket upgrades to /socket.io/ go to the AI agent. Express middleware never runs on an upgrade, so the
 * checks happen here: the Origin must be one of ours (WebSockets are not covered by CORS), the access token
 * (`?access_token=`, browsers cannot set headers on a WebSocket) must be valid and its session alive, and each
 * user may open only so many connections a minute. The agent checks the token again on its handshake.
 */
export function socketUpgradeHandler(options: SocketUpgradeOptions) {
  const allowed = new Set(options.allowedOrigins);
  const open = new Set<Duplex>();
  const limiter = attemptLimiter(options.kv, {
    name: 'ws-connect',
    limit: options.connectionsPerMinute,
    windowMs: 60_000,
  });
  const chosen = new WeakMap<IncomingMessage, string>();
  const proxy = createProxyMiddleware({
    target: options.targets.all[0],
    router: (req) => {
      const target = options.targets.pick();
      chosen.set(req, target);
      return target;
    },
    ws: true,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    on: {
      error: (err, req, socket) => {
        const target = chosen.get(req);
        if (target) options.targets.failed(target);
        options.logger.warn('websocket proxy failed', { code: (err as NodeJS.ErrnoException).code });
        if (!('writeHead' in socket)) socket.destroy();
      },
    },
  });

  const handle = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (!url.pathname.startsWith('/socket.io/')) {
      refuse(socket, 404, 'Not Found', 'Only /socket.io/ accepts WebSocket connections.');
      return;
    }
    if (!req.headers.origin || !allowed.has(req.headers.origin)) {
      if (req.headers.origin) options.refusedOrigin?.(req.headers.origin, 'websocket');
      refuse(socket, 403, 'Forbidden', 'This origin may not open a connection.');
      return;
    }
    const token = url.searchParams.get('access_token') ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
    try {
      if (!token) throw new AppError('unauthorized', 401, 'Unauthorized', { detail: 'Sign in to connect.' });
      const identity = await options.verify(token);
      if (await options.isDenied(identity.sessionId)) {
        throw new AppError('session-revoked', 401, 'Unauthorized', { detail: 'This session has ended.' });
      }
      await limiter.consume(identity.userId);
      req.headers['x-user-id'] = identity.userId;
      req.headers['x-user-role'] = identity.role;
      req.headers['x-session-id'] = identity.sessionId;
      Object.assign(req.headers, forwardedHeaders(req, options.trustProxyHops));
    } catch (err) {
      const status = err instanceof AppError ? err.status : 503;
      const detail = err instanceof AppError && err.detail ? err.detail : 'The connection cannot be checked right now.';
      refuse(
        socket,
        status,
        status === 429 ? 'Too Many Requests' : status === 401 ? 'Unauthorized' : 'Service Unavailable',
        detail,
      );
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    proxy.upgrade(req, socket as never, head);
  };
  return {
    handle,
    /** Ends every proxied WebSocket (shutdown): clients reconnect to another instance and resume. */
    closeAll: () => {
      for (const socket of open) socket.destroy();
    },
  };
}
