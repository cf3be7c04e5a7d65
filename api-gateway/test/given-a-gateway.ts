import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSessionDenied, verifierFromConfig, type Role } from '@tripwise/platform/auth';
import { createService } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import { captureLogs, listen, openTestKv, startTestIssuer, type TestServer } from '@tripwise/platform/testing';
import { createGatewayApp, type GatewayConfig } from '../src/app.ts';
import type { BrowserErrorReporting } from '../src/routes/client-config.ts';

export interface EchoedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real upstream service that echoes what reached it; /api/search/slow answers after 2 s, /api/search/fail 503s. */
export async function startEchoUpstream(name: string, port = 0): Promise<TestServer> {
  const { app } = createService({
    name,
    logger: captureLogs(name).logger,
    beforeBodyParser: (a) => {
      a.get('/api/search/slow', async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        res.json({ late: true });
      });
      a.get('/api/search/fail', (_req, res) => {
        res.status(503).json({ status: 503 });
      });
      a.use('/api', (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const echoed: EchoedRequest = {
            method: req.method,
            url: req.originalUrl,
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          };
          res.setHeader('x-upstream', name);
          res.json(echoed);
        });
      });
    },
    routes: () => undefined,
  });
  return listen(app, port);
}

/** Built SPA folders with an index.html and a hashed asset each. */
export async function givenBuiltFrontends(): Promise<{ webClient: string; adminPortal: string }> {
  const root = await mkdtemp(join(tmpdir(), 'tripwise-spa-'));
  const make = async (name: string, title: string) => {
    const dir = join(root, name);
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), `<!doctype html><title>${title}</title>`);
    await writeFile(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    return dir;
  };
  return { webClient: await make('web', 'Tripwise'), adminPortal: await make('admin', 'Tripwise admin') };
}

const UNUSED = 'http://127.0.0.1:9';

type ServiceUrl = 'SEARCH_URL' | 'BOOKING_URL' | 'AI_AGENT_URL' | 'INSIGHTS_URL';
/** What a test sets: the services' addresses as one URL, or several (instances). */
export type GatewayOverrides = Partial<Omit<GatewayConfig, ServiceUrl> & Record<ServiceUrl, string | string[]>>;
const listOf = (url: string | string[] | undefined) => (url === undefined ? [UNUSED] : [url].flat());

export function gatewayConfig(overrides: GatewayOverrides = {}): GatewayConfig {
  const { SEARCH_URL, BOOKING_URL, AI_AGENT_URL, INSIGHTS_URL, ...rest } = overrides;
  return {
    BODY_LIMIT: '100kb',
    TRUST_PROXY_HOPS: 0,
    AUTH_URL: UNUSED,
    SEARCH_URL: listOf(SEARCH_URL),
    BOOKING_URL: listOf(BOOKING_URL),
    AI_AGENT_URL: listOf(AI_AGENT_URL),
    INSIGHTS_URL: listOf(INSIGHTS_URL),
    TOKEN_ISSUER: 'http://localhost:8080/api/auth',
    TOKEN_AUDIENCE: 'tripwise',
    DENY_LIST_CACHE_MS: 0,
    CORS_ORIGINS: ['http://localhost:8080', 'https://app.tripwise.test'],
    UPSTREAM_TIMEOUT_MS: 10_000,
    AI_TIMEOUT_MS: 10_000,
    BREAKER_FAILURE_THRESHOLD: 5,
    BREAKER_OPEN_MS: 5_000,
    RATE_LIMIT_WINDOW_MS: 60_000,
    RATE_LIMIT_READS_PER_MINUTE: 10_000,
    RATE_LIMIT_WRITES_PER_MINUTE: 10_000,
    RATE_LIMIT_AUTH_PER_15_MINUTES: 1_000,
    RATE_LIMIT_AI_MESSAGES_PER_MINUTE: 1_000,
    RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: 1_000,
    RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: 1_000,
    STATUS_CHECK_MS: 15_000,
    SERVE_FRONTENDS: false,
    WEB_CLIENT_DIST: '/nonexistent',
    ADMIN_PORTAL_DIST: '/nonexistent',
    ...rest,
  };
}

export interface RunningGateway {
  url: string;
  /** The gateway's look at every service, which the status page shows. */
  checkStatus(): Promise<unknown>;
  kv: KvStore;
  logs: ReturnType<typeof captureLogs>;
  metrics(): Promise<string>;
  /** A real access token from the test issuer whose keys the gateway trusts. */
  token(role?: Role, claims?: { sid?: string; amr?: string[]; expiresInSec?: number; sub?: string }): Promise<string>;
  forge(): Promise<string>;
  close(): Promise<void>;
}

/** The gateway on a port of its own, trusting a real JWKS endpoint, with the test run's key-value store. */
export async function givenAGateway(
  overrides: GatewayOverrides = {},
  options: { kv?: KvStore; browserErrors?: BrowserErrorReporting } = {},
): Promise<RunningGateway> {
  const issuer = await startTestIssuer({ issuer: 'http://localhost:8080/api/auth', audience: 'tripwise' });
  const kv = options.kv ?? (await openTestKv());
  const logs = captureLogs('api-gateway');
  const config = gatewayConfig({ AUTH_JWKS_URL: issuer.jwksUrl, ...overrides });
  const gateway = createGatewayApp({
    config,
    logger: logs.logger,
    kv,
    access: { verify: verifierFromConfig(config), isDenied: (sid) => isSessionDenied(kv, sid) },
    browserErrors: options.browserErrors,
  });
  const server = await listen(gateway.app);
  gateway.attach?.(server.server);
  return {
    url: server.url,
    checkStatus: gateway.checkStatus,
    kv,
    logs,
    metrics: () => gateway.metrics.registry.metrics(),
    token: (role = 'traveler', claims = {}) =>
      issuer.sign({ role, amr: role === 'admin' ? ['pwd', 'otp', 'mfa'] : ['pwd'], ...claims }),
    forge: () => issuer.forge(),
    async close() {
      await server.close();
      await issuer.close();
      if (!options.kv) await kv.close();
    },
  };
}
