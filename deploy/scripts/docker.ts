import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { deployConfig } from './deploy.config.ts';
import type { ImageSpec } from './images.ts';
import { runOk } from './run.ts';

export interface BuildCommon {
  version: string;
  commit: string;
  /** The CA bundle for npm behind a TLS-intercepting proxy, given to the build as a secret, never as a layer. */
  npmCa: string | undefined;
}

const BUILD_TIMEOUT_MS = 15 * 60_000;

function buildArgs(spec: ImageSpec, common: BuildCommon): string[] {
  const args = ['build', '--progress=plain', '-f', spec.dockerfile];
  if (deployConfig.BUILD_NETWORK === 'host') args.push('--network', 'host');
  if (common.npmCa) args.push('--secret', `id=npm_ca,src=${common.npmCa}`);
  const values = { ...spec.buildArgs, VERSION: common.version, COMMIT: common.commit };
  for (const [name, value] of Object.entries(values)) args.push('--build-arg', `${name}=${value}`);
  return args;
}

const buildkit = { env: { ...process.env, DOCKER_BUILDKIT: '1' }, cwd: REPO_ROOT, timeoutMs: BUILD_TIMEOUT_MS };

/** Builds one stage only (the shared npm install), so the images built next in parallel find it cached. */
export async function buildTarget(spec: ImageSpec, target: string, common: BuildCommon): Promise<void> {
  await runOk(deployConfig.DOCKER, [...buildArgs(spec, common), '--target', target, '.'], buildkit);
}

/** Builds and tags one image; returns how long it took, in seconds. */
export async function buildImage(spec: ImageSpec, ref: string, common: BuildCommon): Promise<number> {
  const started = Date.now();
  await runOk(deployConfig.DOCKER, [...buildArgs(spec, common), '-t', ref, '.'], buildkit);
  return Math.round((Date.now() - started) / 1000);
}

export async function pushImage(ref: string): Promise<void> {
  await runOk(deployConfig.DOCKER, ['push', ref], { timeoutMs: BUILD_TIMEOUT_MS });
}

/** The image's size as `docker images` shows it (every layer, including the base image's), in bytes. */
export function imageSize(ref: string): number {
  const out = spawnSync(deployConfig.DOCKER, ['image', 'inspect', '-f', '{{.Size}}', ref], { encoding: 'utf8' });
  return Number(out.stdout.trim());
}
