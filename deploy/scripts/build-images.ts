// Builds every Tripwise image: `npm run images:build -- [--local] [--tag T] [--only auth,edge] [--push]`.
//   --local   on a machine that cannot pull: build the stand-in base images first (deploy/docker/local)
//   --tag     default: the commit (12 characters), with -dirty when the work tree has changes
//   --push    push each image after it is built (the deploy pipeline)
// The npm install is one shared stage, built first; then the images two at a time. Prints each phase's time and
// the images' sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { deployConfig } from './deploy.config.ts';
import { commitSha, defaultTag } from './git.ts';
import { buildImage, buildTarget, imageSize, pushImage } from './docker.ts';
import { LOCAL_BASES, UPSTREAM_BASES, imageRef, imageSpecs, type ImageSpec } from './images.ts';
import { phase, runAll } from './run.ts';

const { values } = parseArgs({
  options: {
    local: { type: 'boolean', default: deployConfig.BASE_IMAGES === 'local' },
    tag: { type: 'string' },
    only: { type: 'string' },
    push: { type: 'boolean', default: false },
  },
});

function npmCaFile(): string | undefined {
  const file = deployConfig.NPM_CA_FILE ?? deployConfig.NODE_EXTRA_CA_CERTS;
  return file && existsSync(file) ? file : undefined;
}

const tag = values.tag ?? deployConfig.IMAGE_TAG ?? defaultTag();
const bases = values.local ? LOCAL_BASES : UPSTREAM_BASES;
const only = values.only?.split(',');
const specs = imageSpecs(bases).filter((s) => !only || only.includes(s.name));
const common = {
  version: (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  commit: commitSha(),
  npmCa: npmCaFile(),
};

if (values.local) {
  phase('local base images');
  const bases = spawnSync('bash', ['deploy/docker/local/build-bases.sh'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (bases.status !== 0) process.exit(1);
}

// The shared npm install first, so the images below all find it in the cache instead of racing to make it.
const processSpec = specs.find((s) => s.kind === 'process');
if (processSpec) {
  phase('shared dependencies stage (npm ci --omit=dev)');
  await buildTarget(processSpec, 'deps', common);
}
phase(`images (${specs.map((s) => s.name).join(', ')}), tag ${tag}`);
await runAll(specs, 2, async (spec: ImageSpec) => {
  const ref = imageRef(deployConfig.IMAGE_PREFIX, spec.name, tag);
  const seconds = await buildImage(spec, ref, common);
  phase(`  built ${ref} in ${seconds} s`);
  if (values.push) await pushImage(ref);
});

phase('sizes');
for (const spec of specs) {
  const ref = imageRef(deployConfig.IMAGE_PREFIX, spec.name, tag);
  process.stdout.write(`  ${ref.padEnd(48)} ${(imageSize(ref) / 1e6).toFixed(0).padStart(5)} MB\n`);
}
