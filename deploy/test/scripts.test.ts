import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { run, runOk } from '../scripts/run.ts';

// The shell scripts pass shellcheck, the Dockerfiles keep the image rules, and the Kubernetes deploy script puts
// the release's tag on every image.
const SCRIPTS = [
  '.ci/run',
  'deploy/backup/backup.sh',
  'deploy/backup/restore.sh',
  'deploy/docker/local/build-bases.sh',
  'deploy/docker/local/postgres-entrypoint.sh',
  'deploy/scripts/ci.sh',
  'deploy/scripts/dockerd.sh',
  'deploy/scripts/k8s-deploy.sh',
  'deploy/scripts/make-secrets.sh',
  'deploy/scripts/upload-source-maps.sh',
];

test('When the source maps would be uploaded without a Sentry token, then nothing is built or sent, and it says so', async () => {
  const result = await runOk('bash', ['deploy/scripts/upload-source-maps.sh'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH },
    timeoutMs: 60_000,
  });
  expect(result.trim()).toBe('no SENTRY_AUTH_TOKEN: source maps not uploaded');
});

test('When shellcheck reads every deploy script and .ci/run, then it finds nothing', async () => {
  const result = await run('shellcheck', ['--severity=style', ...SCRIPTS], { cwd: REPO_ROOT, timeoutMs: 60_000 }).catch(
    (err: unknown) => ({
      code: -1,
      stdout: '',
      stderr: `shellcheck could not run (apt-get install -y shellcheck): ${String(err)}`,
    }),
  );
  expect(`${result.stdout}${result.stderr}`).toBe('');
  expect(result.code).toBe(0);
});

describe('the service image (deploy/docker/service.Dockerfile)', () => {
  test('When it is read, then it installs production dependencies only, runs as node, checks /health, drains on SIGTERM and is labelled', async () => {
    const dockerfile = await readFile(join(REPO_ROOT, 'deploy/docker/service.Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('--mount=type=secret,id=npm_ca');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*healthcheck\.mjs/m);
    expect(await readFile(join(REPO_ROOT, 'deploy/docker/runtime/healthcheck.mjs'), 'utf8')).toContain('/health`');
    for (const label of ['version', 'revision', 'source']) {
      expect(runtime).toContain(`org.opencontainers.image.${label}=`);
    }
    // The CA reaches npm as a secret mount only: never copied, never an ARG or ENV.
    expect(dockerfile).not.toMatch(/^(COPY|ADD|ARG|ENV).*(\.crt|\.pem|CA_CERT|cafile)/im);
  });

  test('When every image is built, then the agent alone gets the semi-space flag, from scripts/stack/processes.ts', async () => {
    const { imageSpecs, LOCAL_BASES } = await import('../scripts/images.ts');
    const flags = Object.fromEntries(
      imageSpecs(LOCAL_BASES)
        .filter((s) => s.kind === 'process')
        .map((s) => [s.name, s.buildArgs.NODE_FLAGS]),
    );
    expect(flags).toEqual({
      auth: '',
      search: '',
      booking: '',
      'ai-agent': '--max-semi-space-size=4',
      insights: '',
      'api-gateway': '',
    });
  });
});

test('When a release is deployed to Kubernetes, then every image carries its tag and none keeps the placeholder', async () => {
  const manifests = await runOk('bash', ['deploy/scripts/k8s-deploy.sh', 'staging', 'a1b2c3d4e5f6'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, DRY_RUN: 'true' },
    timeoutMs: 60_000,
  });
  const images = [...manifests.matchAll(/image: (\S+)/g)].map((m) => m[1]!);
  expect(new Set(images.map((i) => i.replace(/^.*:/, '')))).toEqual(new Set(['a1b2c3d4e5f6']));
  // Errors and the browsers' source maps are filed under the same release (deploy/scripts/upload-source-maps.sh).
  expect(manifests).toMatch(/^\s+SENTRY_RELEASE: tripwise@a1b2c3d4e5f6$/m);
  const refused = await run('bash', ['deploy/scripts/k8s-deploy.sh', 'staging', 'latest'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, DRY_RUN: 'true' },
    timeoutMs: 60_000,
  });
  expect(refused.code).not.toBe(0);
});

test('When a backup is restored in Kubernetes, then the restore Job is the backup CronJob with the restore command', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tripwise-k8s-restore-'));
  try {
    const manifests = join(dir, 'production.yaml');
    const env = { PATH: process.env.PATH, DRY_RUN: 'true' };
    await writeFile(
      manifests,
      await runOk('bash', ['deploy/scripts/k8s-deploy.sh', 'production', 'a1b2c3d4e5f6'], {
        cwd: REPO_ROOT,
        env,
        timeoutMs: 60_000,
      }),
    );
    const out = await runOk(
      process.execPath,
      ['deploy/scripts/k8s-restore.ts', 'production', '20261207T031700Z', 'booking'],
      {
        cwd: REPO_ROOT,
        env: { ...env, MANIFESTS: manifests },
        timeoutMs: 60_000,
      },
    );
    const job = JSON.parse(out) as {
      metadata: { namespace: string };
      spec: { template: { spec: { containers: { image: string; command: string[] }[]; volumes: { name: string }[] } } };
    };
    const { Job } = await import('kubernetes-models/batch/v1/Job');
    expect(() => new Job(job as ConstructorParameters<typeof Job>[0]).validate()).not.toThrow();
    expect(job.metadata.namespace).toBe('tripwise');
    const [container] = job.spec.template.spec.containers;
    expect(container!.command).toEqual(['tripwise-restore', '/backups/20261207T031700Z', 'booking']);
    expect(container!.image).toBe('ghcr.io/tripwise/tripwise-backup:a1b2c3d4e5f6');
    expect(job.spec.template.spec.volumes.map((v) => v.name)).toContain('backups');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
