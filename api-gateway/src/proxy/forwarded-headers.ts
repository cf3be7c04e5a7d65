import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

/**
 * The client's address as Express works it out with `trust proxy` set to a hop count (for requests Express never
 * sees: WebSocket upgrades): the socket's peer, or the entry `trustHops` back in X-Forwarded-For.
 */
export function clientAddress(req: IncomingMessage, trustHops: number): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .reverse();
  const chain = [req.socket.remoteAddress ?? '', ...forwarded];
  return chain[Math.min(trustHops, chain.length - 1)] ?? '';
}

/**
 * What the services are told about the client, replacing (never extending) whatever the client sent: its address
 * as the gateway worked it out (the socket's peer in the embedded mode, the edge's entry behind nginx, given
 * TRUST_PROXY_HOPS), the scheme and the host. Each service then trusts exactly one hop, the gateway's, so a client
 * cannot choose the address that rate limits, sessions and the audit log record.
 */
export function forwardedHeaders(
  req: IncomingMessage,
  trustHops: number,
): Record<'x-forwarded-for' | 'x-forwarded-proto' | 'x-forwarded-host', string> {
  const express = req as Partial<Request>;
  const protocol = express.protocol ?? (trustHops > 0 ? String(req.headers['x-forwarded-proto'] ?? 'http') : 'http');
  return {
    'x-forwarded-for': express.ip ?? clientAddress(req, trustHops),
    'x-forwarded-proto': protocol.split(',')[0]!.trim(),
    'x-forwarded-host': express.host ?? req.headers.host ?? '',
  };
}
