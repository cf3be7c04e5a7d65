import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../scripts/stack/processes.ts';
import { deployConfig } from '../../scripts/deploy.config.ts';
import { defaultTag } from '../../scripts/git.ts';
import { phase, run, runOk } from '../../scripts/run.ts';

/** The production compose (docker-compose.yml + docker-compose.prod.yml) under a project name of its own. */
export interface ComposeStack {
  project: string;
  env: NodeJS.ProcessEnv;
  secretsDir: string;
  httpsPort: number;
  httpPort: number;
  services: string[];
  compose(args: string[], timeoutMs?: number): Promise<string>;
  /** `docker ps` names of a service's containers (tripwise_auth_1, tripwise_auth_2). */
  containers(service: string): Promise<string[]>;
  down(): Promise<void>;
}

export const APP_SERVICES = ['auth', 'search', 'booking', 'ai-agent', 'api-gateway', 'edge', 'backup'];
export const MONITORING_FILES = [
  'monitoring/prometheus/prometheus.compose.yml',
  'monitoring/alertmanager/alertmanager.yml',
];

export function dockerAnswers(): Promise<boolean> {
  return run(deployConfig.DOCKER, ['info'], { timeoutMs: 15_000 }).then(
    (r) => r.code === 0,
    () => false,
  );
}

export async function hasImage(ref: string): Promise<boolean> {
  return (await run(deployConfig.DOCKER, ['image', 'inspect', ref], { timeoutMs: 15_000 })).code === 0;
}

/** Local stand-ins where the official images are not in the engine (this machine pulls nothing). */
export async function baseImagesToUse(): Promise<'local' | 'upstream'> {
  return deployConfig.BASE_IMAGES ?? ((await hasImage('node:24-bookworm-slim')) ? 'upstream' : 'local');
}

/** Runs the build script with its output streamed (each phase's time shows as it ends), bounded in time. */
export async function buildImages(bases: 'local' | 'upstream', tag: string): Promise<void> {
  const args = ['deploy/scripts/build-images.ts', '--tag', tag, ...(bases === 'local' ? ['--local'] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), 25 * 60_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the image build failed (exit code ${code}); its output is above`);
}

export async function startComposeStack(options: { bases: 'local' | 'upstream'; tag: string }): Promise<ComposeStack> {
  const project = `tripwise-deploytest-${process.pid}`;
  const secretsDir = await mkdtemp(join(tmpdir(), 'tripwise-deploy-secrets-'));
  await runOk('bash', ['deploy/scripts/make-secrets.sh', secretsDir], { cwd: REPO_ROOT, timeoutMs: 60_000 });
  const httpsPort = 20_000 + Math.floor(Math.random() * 20_000);
  const local = options.bases === 'local';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    COMPOSE_HTTP_TIMEOUT: '300',
    TAG: options.tag,
    IMAGE_PREFIX: deployConfig.IMAGE_PREFIX,
    SECRETS_DIR: secretsDir,
    TLS_CERT_FILE: join(secretsDir, 'tls_cert'),
    TLS_KEY_FILE: join(secretsDir, 'tls_key'),
    EDGE_BIND: '127.0.0.1',
    EDGE_HTTPS_PORT: String(httpsPort),
    EDGE_HTTP_PORT: String(httpsPort + 1),
    SMTP_UI_PORT: String(httpsPort + 2),
    PUBLIC_URL: `https://localhost:${httpsPort}`,
    // No relay here: the production file requires SMTP_URL, and the catcher of the development file stands in.
    SMTP_URL: 'smtp://smtp:1025',
    // Every request in the services' logs, for reading after a failure.
    LOG_LEVEL: 'http',
    BACKUP_INTERVAL_SECONDS: '3600',
    ...(local
      ? {
          POSTGRES_IMAGE: 'tripwise-local/postgres:15',
          REDIS_IMAGE: 'tripwise-local/redis:7',
          PROMETHEUS_IMAGE: 'tripwise-local/prometheus:bookworm',
          ALERTMANAGER_IMAGE: 'tripwise-local/alertmanager:bookworm',
        }
      : {}),
  };
  const monitoring = MONITORING_FILES.every((f) => existsSync(join(REPO_ROOT, f)));
  if (!monitoring) {
    process.stdout.write(
      `\n!!! Prometheus and Alertmanager NOT started: ${MONITORING_FILES.join(' and ')} are not in this tree.\n\n`,
    );
  }
  // Grafana is never started here: its image is not in Debian and nothing can be pulled.
  const services = ['smtp', ...APP_SERVICES, ...(monitoring ? ['prometheus', 'alertmanager'] : [])];
  const files = ['-f', 'docker-compose.yml', '-f', 'docker-compose.prod.yml'];
  // An empty env file: a developer's .env must not change what is tested.
  const envFile = join(secretsDir, 'compose.env');
  await writeFile(envFile, '');
  const compose = (args: string[], timeoutMs = 5 * 60_000) =>
    runOk(deployConfig.DOCKER_COMPOSE, ['--env-file', envFile, '-p', project, ...files, ...args], {
      cwd: REPO_ROOT,
      env,
      timeoutMs,
    });
  const stack: ComposeStack = {
    project,
    env,
    secretsDir,
    httpsPort,
    httpPort: httpsPort + 1,
    services,
    compose,
    async containers(service) {
      const out = await runOk(
        deployConfig.DOCKER,
        [
          'ps',
          '--filter',
          `label=com.docker.compose.project=${project}`,
          '--filter',
          `label=com.docker.compose.service=${service}`,
          '--format',
          '{{.Names}}',
        ],
        { timeoutMs: 15_000 },
      );
      return out.split('\n').filter(Boolean).sort();
    },
    async down() {
      phase(`compose down -v (${project})`);
      await compose(['down', '-v', '--remove-orphans', '--timeout', '20'], 3 * 60_000).catch((err: unknown) =>
        process.stderr.write(`compose down failed: ${String(err)}\n`),
      );
      await rm(secretsDir, { recursive: true, force: true });
    },
  };
  phase(`compose up (${project}): ${services.join(', ')}`);
  try {
    await compose(['up', '-d', '--no-build', ...services], 8 * 60_000);
    await waitUntilHealthy(stack, 3 * 60_000);
  } catch (err) {
    const logs = await compose(['logs', '--no-color', '--tail', '30'], 60_000).catch(() => '');
    await stack.down();
    throw new Error(`${String(err)}\n--- last log lines ---\n${logs}`, { cause: err });
  }
  phase('compose up: every container healthy');
  return stack;
}

/** Every container of the project running, and healthy where it has a check; bounded by `timeoutMs`. */
async function waitUntilHealthy(stack: ComposeStack, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let states: string[] = [];
  while (Date.now() < deadline) {
    const out = await runOk(
      deployConfig.DOCKER,
      [
        'ps',
        '-a',
        '--filter',
        `label=com.docker.compose.project=${stack.project}`,
        '--format',
        '{{.Names}} {{.Status}}',
      ],
      { timeoutMs: 15_000 },
    );
    states = out.split('\n').filter(Boolean);
    const ready = states.every((s) => / Up /.test(` ${s}`) && !/starting|unhealthy/.test(s));
    if (states.length > 0 && ready) return;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`containers not healthy within ${timeoutMs / 1000} s:\n${states.join('\n')}`);
}

export const testTag = (): string => `deploytest-${defaultTag()}`;
