import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { deployConfig } from '../scripts/deploy.config.ts';
import { run, runOk } from '../scripts/run.ts';

// The compose files as compose itself reads them (`docker-compose config`, no engine needed), checked for what
// production promises: tagged images, restart policies, limits, secrets as files, nothing published but the edge.
interface Service {
  image: string;
  ports?: string[];
  restart?: string;
  profiles?: string[];
  secrets?: { source: string }[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number; resources?: { limits?: { cpus?: number | string; memory?: string } } };
  volumes?: string[];
}
interface ComposeConfig {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
}

let dir: string;
let envFile: string;
const baseEnv = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, SECRETS_DIR: dir });

async function composeConfig(files: string[], env: NodeJS.ProcessEnv): Promise<ComposeConfig> {
  const args = ['--env-file', envFile, ...files.flatMap((f) => ['-f', f]), 'config'];
  return parse(
    await runOk(deployConfig.DOCKER_COMPOSE, args, { cwd: REPO_ROOT, env, timeoutMs: 60_000 }),
  ) as ComposeConfig;
}
const DEV = ['docker-compose.yml'];
const PROD = ['docker-compose.yml', 'docker-compose.prod.yml'];
const PROD_ENV = { TAG: 'abc123def456', SMTP_URL: 'smtp://relay.example:587' };
const OWN_IMAGES = ['auth', 'search', 'booking', 'ai-agent', 'api-gateway', 'edge', 'backup'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tripwise-compose-config-'));
  envFile = join(dir, 'empty.env');
  await writeFile(envFile, '');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('docker-compose.yml (development)', () => {
  test('When compose reads it, then every service has a healthcheck or an image that has one, and the app waits for healthy storage', async () => {
    const config = await composeConfig(DEV, baseEnv());
    expect(config.services.postgres!.healthcheck?.test?.join(' ')).toContain('pg_isready');
    expect(config.services.redis!.healthcheck?.test?.join(' ')).toContain('redis-cli');
    for (const name of ['auth', 'search', 'booking', 'ai-agent', 'api-gateway']) {
      expect(config.services[name]!.depends_on, name).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(config.services['api-gateway']!.depends_on).toMatchObject({ 'ai-agent': { condition: 'service_healthy' } });
    expect(config.services.edge!.depends_on).toEqual({ 'api-gateway': { condition: 'service_healthy' } });
  });

  test('When compose reads it, then PostgreSQL, Redis, an SMTP catcher, Prometheus, Alertmanager and Grafana are there, with the monitoring files mounted read-only', async () => {
    const config = await composeConfig(DEV, baseEnv());
    expect(Object.keys(config.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'smtp', 'prometheus', 'alertmanager', 'grafana', 'backup']),
    );
    const mounts = (name: string) => (config.services[name]!.volumes ?? []).join('\n');
    expect(mounts('prometheus')).toMatch(/monitoring\/prometheus:\/etc\/prometheus:ro/);
    expect(mounts('alertmanager')).toMatch(/monitoring\/alertmanager:\/etc\/alertmanager:ro/);
    expect(mounts('grafana')).toMatch(/monitoring\/grafana\/provisioning:\/etc\/grafana\/provisioning:ro/);
    expect(mounts('grafana')).toMatch(/monitoring\/grafana\/dashboards:\/var\/lib\/grafana\/dashboards:ro/);
    expect(mounts('blackbox')).toMatch(/monitoring\/blackbox:\/etc\/blackbox:ro/);
  });

  test('When a service is given a secret, then it is a file, never a value in the environment', async () => {
    const config = await composeConfig(DEV, baseEnv());
    for (const [name, secret] of Object.entries(config.secrets)) expect(secret.file, name).toMatch(/^\//);
    for (const [name, service] of Object.entries(config.services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|API_KEY|DATA_KEY|SERVICE_TOKEN/.test(variable)) {
          expect(`${name} ${variable}=${value}`).toMatch(/_FILE=\/run\/secrets\//);
        }
      }
    }
  });

  test('When .env.example is read, then it documents every variable the compose files use', async () => {
    const example = await readFile(join(REPO_ROOT, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    for (const file of PROD) {
      const text = await readFile(join(REPO_ROOT, file), 'utf8');
      const used = new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!));
      expect(
        [...used].filter((v) => !documented.has(v)),
        file,
      ).toEqual([]);
    }
  });
});

describe('docker-compose.prod.yml (production override)', () => {
  test('When TAG is not set, then compose refuses the production file', async () => {
    const args = ['--env-file', envFile, ...PROD.flatMap((f) => ['-f', f]), 'config'];
    const result = await run(deployConfig.DOCKER_COMPOSE, args, {
      cwd: REPO_ROOT,
      env: { ...baseEnv(), SMTP_URL: PROD_ENV.SMTP_URL },
      timeoutMs: 60_000,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('TAG is required');
  });

  test("When compose reads it, then Tripwise's images are pinned to the tag, every service restarts always and has limits", async () => {
    const config = await composeConfig(PROD, { ...baseEnv(), ...PROD_ENV });
    for (const name of OWN_IMAGES) expect(config.services[name]!.image, name).toBe(`tripwise/${name}:${PROD_ENV.TAG}`);
    for (const [name, service] of Object.entries(config.services)) {
      expect(service.image, name).not.toMatch(/:latest$|^[^:]+$/);
      if (service.profiles?.includes('dev-only')) continue;
      expect(service.restart, name).toBe('always');
      expect(service.deploy?.resources?.limits?.memory, name).toBeTruthy();
      expect(service.deploy?.resources?.limits?.cpus, name).toBeTruthy();
    }
  });

  test('When compose reads it, then the gateway and every service run two instances and the mail catcher does not run', async () => {
    const config = await composeConfig(PROD, { ...baseEnv(), ...PROD_ENV });
    for (const name of ['auth', 'search', 'booking', 'ai-agent', 'api-gateway']) {
      expect(config.services[name]!.deploy?.replicas, name).toBe(2);
    }
    expect(config.services.smtp!.profiles).toEqual(['dev-only']);
    expect(config.services.auth!.environment?.SMTP_URL).toBe(PROD_ENV.SMTP_URL);
  });

  test('When production sets the edge to 0.0.0.0, then the edge is the only service reachable from outside this host', async () => {
    const config = await composeConfig(PROD, {
      ...baseEnv(),
      ...PROD_ENV,
      EDGE_BIND: '0.0.0.0',
      EDGE_HTTPS_PORT: '443',
      EDGE_HTTP_PORT: '80',
    });
    const outside = Object.entries(config.services)
      .filter(([, s]) => !s.profiles?.includes('dev-only'))
      .flatMap(([name, s]) =>
        (s.ports ?? []).filter((p) => !String(p).startsWith('127.0.0.1:')).map((p) => `${name} ${String(p)}`),
      );
    expect(outside.sort()).toEqual(['edge 0.0.0.0:443:443/tcp', 'edge 0.0.0.0:80:80/tcp']);
    for (const name of ['auth', 'search', 'booking', 'ai-agent', 'api-gateway', 'postgres', 'redis']) {
      expect(config.services[name]!.ports ?? [], name).toEqual([]);
    }
  });
});
