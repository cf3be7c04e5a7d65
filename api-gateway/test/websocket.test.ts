import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionDenyKey } from '@tripwise/platform/auth';
import { givenAGateway, type RunningGateway } from './given-a-gateway.ts';

// The AI agent's stand-in: a real WebSocket server that echoes, and reports who the gateway said the user is.
let agent: Server;
let gateway: RunningGateway;
beforeAll(async () => {
  agent = createServer();
  const wss = new WebSocketServer({ server: agent, path: '/socket.io/' });
  wss.on('connection', (socket, req) => {
    socket.send(JSON.stringify({ hello: req.headers['x-user-id'] }));
    socket.on('message', (data) => socket.send(String(data)));
  });
  await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
  gateway = await givenAGateway({
    AI_AGENT_URL: `http://127.0.0.1:${(agent.address() as AddressInfo).port}`,
    CORS_ORIGINS: ['https://app.tripwise.test'],
    RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: 3,
  });
});
afterAll(async () => {
  await gateway.close();
  agent.closeAllConnections();
  await new Promise((resolve) => agent.close(resolve));
});

function connect(query: string, origin = 'https://app.tripwise.test', path = '/socket.io/') {
  const ws = new WebSocket(`${gateway.url.replace('http', 'ws')}${path}?EIO=4&transport=websocket${query}`, { origin });
  return new Promise<{ opened: true; ws: WebSocket; first: string } | { opened: false; status: number; body: string }>(
    (resolve) => {
      ws.once('message', (data) => resolve({ opened: true, ws, first: String(data) }));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body }));
      });
      ws.once('error', () => undefined);
    },
  );
}

describe('WebSocket upgrades to /socket.io/', () => {
  test('When a signed-in user connects from our origin, then the socket reaches the agent, which learns who it is', async () => {
    const token = await gateway.token('traveler', { sub: 'socket-user' });
    const result = await connect(`&access_token=${token}`);
    expect(result).toMatchObject({ opened: true, first: JSON.stringify({ hello: 'socket-user' }) });
    if (!result.opened) return;
    const echoed = new Promise((resolve) => result.ws.once('message', (d) => resolve(String(d))));
    result.ws.send('ping');
    expect(await echoed).toBe('ping');
    result.ws.close();
  });

  test.each([
    ['a foreign origin', async () => connect(`&access_token=${await gateway.token()}`, 'https://evil.example'), 403],
    ['no token', async () => connect(''), 401],
    ['a forged token', async () => connect(`&access_token=${await gateway.forge()}`), 401],
    [
      'an expired token',
      async () => connect(`&access_token=${await gateway.token('traveler', { expiresInSec: -10 })}`),
      401,
    ],
    [
      'another path',
      async () => connect(`&access_token=${await gateway.token()}`, 'https://app.tripwise.test', '/elsewhere/'),
      404,
    ],
  ])(
    'When the upgrade comes with %s, then it is refused with %s and never reaches the agent',
    async (_name, attempt, status) => {
      const result = await attempt();
      expect(result).toMatchObject({ opened: false, status });
      if (!result.opened) expect(JSON.parse(result.body)).toMatchObject({ status });
    },
  );

  test('When the session was revoked, then its token cannot open a socket', async () => {
    const sid = randomUUID();
    await gateway.kv.set(sessionDenyKey(sid), '1', { ttlMs: 60_000 });
    expect(await connect(`&access_token=${await gateway.token('traveler', { sid })}`)).toMatchObject({
      opened: false,
      status: 401,
    });
  });

  test('When one user opens connections too fast, then the next is refused with 429', async () => {
    const token = await gateway.token('traveler', { sub: `busy-${randomUUID()}` });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await connect(`&access_token=${token}`));
    expect(results.map((r) => (r.opened ? 'open' : r.status))).toEqual(['open', 'open', 'open', 429]);
    for (const r of results) if (r.opened) r.ws.close();
  });

  test('When upgrades were accepted and refused, then gateway_websocket_upgrades_total counts each by result', async () => {
    const text = await gateway.metrics();
    const count = (result: string) =>
      Number(new RegExp(`gateway_websocket_upgrades_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`).exec(text)?.[1]);
    expect(count('accepted')).toBeGreaterThanOrEqual(4);
    expect(count('origin_refused')).toBeGreaterThanOrEqual(1);
    expect(count('token_refused')).toBeGreaterThanOrEqual(1);
    expect(count('rate_limited')).toBeGreaterThanOrEqual(1);
    expect(count('not_found')).toBeGreaterThanOrEqual(1);
    expect(count('upstream_unavailable')).toBe(0);
  });
});
