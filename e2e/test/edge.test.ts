import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteRedisKeys, testEnv, uniqueSchemaName } from '@tripwise/platform/testing';
import { NGINX_BINARY, ensureLocalCertificate, startNginx } from '../../scripts/stack/nginx.ts';
import { SERVICES, type ProcessName } from '../../scripts/stack/processes.ts';
import { startStack, type RunningStack } from '../../scripts/stack/stack.ts';

// A real nginx with a generated certificate in front of the whole stack: TLS, HTTP/2, HSTS, the redirect, the
// edge limit, and a WebSocket from the browser's side through nginx and the gateway to the AI agent.
let stack: RunningStack;
let nginx: Awaited<ReturnType<typeof startNginx>>;
let dir: string;
let ca: Buffer;
let httpsPort: number;
let httpPort: number;
const redisPrefix = `${uniqueSchemaName('edge')}:`;
const schemas = Object.fromEntries([...SERVICES, 'api-gateway'].map((n) => [n, uniqueSchemaName('edge')])) as Record<
  ProcessName,
  string
>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function httpsCall(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: httpsPort,
        servername: 'localhost',
        path,
        method: init.method ?? 'GET',
        ca,
        headers: init.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

function handshake(flags: string[]): string {
  const result = spawnSync(
    'openssl',
    ['s_client', '-connect', `127.0.0.1:${httpsPort}`, '-servername', 'localhost', ...flags],
    {
      input: '',
      timeout: 10_000,
    },
  );
  return result.stdout.toString() + result.stderr.toString();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tripwise-edge-'));
  const certs = ensureLocalCertificate(join(dir, 'certs'));
  ca = await readFile(certs.ca);
  [httpsPort, httpPort] = [20_000 + Math.floor(Math.random() * 20_000), 0];
  httpPort = httpsPort + 1;
  const origin = `https://localhost:${httpsPort}`;
  stack = await startStack({
    env: {
      PATH: process.env.PATH,
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: redisPrefix,
      // The gateway's CORS and the agent's sockets allow the same origin: the edge's.
      CORS_ORIGINS: origin,
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL } : {}),
      ...(testEnv.REDIS_URL ? { REDIS_URL: testEnv.REDIS_URL } : {}),
    },
    envFor: (name) => ({
      DATABASE_SCHEMA: schemas[name],
      ...(name === 'api-gateway' ? { TRUST_PROXY_HOPS: '1', SERVE_FRONTENDS: 'false' } : {}),
    }),
    ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
  });
  nginx = await startNginx({
    runtimeDir: join(dir, 'nginx'),
    gateway: new URL(stack.gatewayUrl).host,
    httpPort,
    httpsPort,
    cert: certs.cert,
    key: certs.key,
    apiRate: 20,
    apiBurst: 10,
  });
});

afterAll(async () => {
  await nginx?.stop();
  await stack?.stop();
  if (testEnv.REDIS_URL) await deleteRedisKeys(testEnv.REDIS_URL, redisPrefix);
  if (testEnv.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
    await client.connect();
    for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(NGINX_BINARY)('the nginx TLS edge', () => {
  test('When a client offers TLS 1.2 or 1.3, then the handshake succeeds; TLS 1.0 and 1.1 are refused', () => {
    expect(handshake(['-tls1_2'])).toMatch(/Protocol\s*: TLSv1\.2/);
    expect(handshake(['-tls1_3'])).toMatch(/TLSv1\.3/);
    // SECLEVEL=0 lets our own client try the old versions, so it is the server that says no.
    for (const old of ['-tls1', '-tls1_1']) {
      const out = handshake([old, '-cipher', 'DEFAULT@SECLEVEL=0']);
      expect(out).toMatch(/Cipher is \(NONE\)/);
      expect(out).toMatch(/no peer certificate available/);
    }
  });

  test('When a client asks for HTTP/2, then it gets h2', () => {
    expect(handshake(['-alpn', 'h2'])).toMatch(/ALPN protocol: h2/);
  });

  test('When a page is requested over plain HTTP, then it is redirected to HTTPS with the path kept', async () => {
    // fetch() may not set Host, so a plain request names the site the way a browser would.
    const res = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      httpRequest(
        { host: '127.0.0.1', port: httpPort, path: '/flights?from=BOS', headers: { host: 'localhost' } },
        (r) => {
          r.resume();
          resolve({ status: r.statusCode ?? 0, location: r.headers.location });
        },
      )
        .on('error', reject)
        .end();
    });
    expect(res).toEqual({ status: 301, location: `https://localhost:${httpsPort}/flights?from=BOS` });
  });

  test('When the site and the API answer over HTTPS, then HSTS and the CSP come once each, from nginx', async () => {
    for (const path of ['/', '/api/search/ready']) {
      const res = await httpsCall(path);
      expect(res.status).toBe(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const index = await httpsCall('/');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  test('When a request passes nginx, then its request id is the one the gateway and services use, and nginx logs it', async () => {
    const res = await httpsCall('/api/auth/ready');
    const requestId = res.headers['x-request-id'] as string;
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    const log = await readFile(join(dir, 'nginx', 'access.log'), 'utf8');
    expect(log).toContain(`"requestId":"${requestId}"`);
  });

  test('When a signed-in browser opens a socket, then it reaches the AI agent through nginx and the gateway', async () => {
    const email = `edge-${Date.now()}@example.test`;
    const password = 'an edge test passphrase';
    const json = { 'content-type': 'application/json' };
    await httpsCall('/api/auth/register', { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
    const login = await httpsCall('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password }),
    });
    const { accessToken, user } = JSON.parse(login.body) as { accessToken: string; user: { id: string } };
    const socket = io(`https://localhost:${httpsPort}/agent`, {
      path: '/socket.io/',
      transports: ['websocket'],
      auth: { token: accessToken },
      query: { access_token: accessToken },
      extraHeaders: { origin: `https://localhost:${httpsPort}` },
      ca: ca.toString(),
      reconnection: false,
    });
    const ready = await new Promise<{ userId: string }>((resolve, reject) => {
      socket.once('session:ready', resolve);
      socket.once('connect_error', reject);
    });
    expect(ready.userId).toBe(user.id);
    socket.close();
  });

  test('When one address floods the API, then the edge answers 429', async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, () => httpsCall('/api/search/ready')));
    const statuses = replies.map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(200);
  });
});
