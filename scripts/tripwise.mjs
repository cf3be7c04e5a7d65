#!/usr/bin/env node
// The two README commands land here: `npm start` and `npm test`. This file runs on whatever Node is on the
// PATH (often 20), so it uses nothing but Node's standard library. It installs the dependencies from the lock
// file when they are missing or stale — they include Node 24 itself (the `node` package) — builds the
// frontends when their sources changed, and hands over to Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const REQUIRED_MAJOR = 24;
const FRONTENDS = ['frontend/web-client', 'frontend/admin-portal'];

function fail(message) {
  process.stderr.write(`tripwise: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit code ${result.status})`);
}

function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  const here = process.versions.node;
  process.stdout.write(
    Number(here.split('.')[0]) === REQUIRED_MAJOR
      ? 'tripwise: installing dependencies from package-lock.json…\n'
      : `tripwise: installing dependencies from package-lock.json, including Node ${REQUIRED_MAJOR} into node_modules/node: ` +
          `this is Node ${here}, and Tripwise runs on the Node ${REQUIRED_MAJOR} it installs (one to two minutes)…\n`,
  );
  run('npm', ['ci', '--no-audit', '--no-fund'], { shell: process.platform === 'win32' });
}

function node24() {
  if (Number(process.versions.node.split('.')[0]) === REQUIRED_MAJOR) return process.execPath;
  const bundled = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(bundled)) {
    fail(`Node ${REQUIRED_MAJOR} was not installed into node_modules/node; run "npm ci" with install scripts allowed.`);
  }
  return bundled;
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildFrontends(node) {
  const shared = Math.max(
    newestMtime(join(root, 'packages', 'contracts', 'src')),
    newestMtime(join(root, 'packages', 'web-session', 'src')),
  );
  for (const app of FRONTENDS) {
    const built = join(root, app, 'dist', 'index.html');
    const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
    if (builtAt > Math.max(shared, newestMtime(join(root, app)))) continue;
    process.stdout.write(`tripwise: building ${app}…\n`);
    run(node, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: join(root, app),
    });
  }
}

// Ctrl-C reaches the child too (same process group); the child decides how to stop, and we follow its exit code.
function handOver(node, args) {
  const child = spawn(node, args, { cwd: root, stdio: 'inherit' });
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const [command, ...rest] = process.argv.slice(2);
if (!['start', 'edge', 'test', 'build'].includes(command)) {
  fail('usage: tripwise.mjs start | edge | test [vitest arguments] | build');
}
ensureDependencies();
const node = node24();
buildFrontends(node);
if (command === 'build') process.exit(0);
if (command === 'start' || command === 'edge') handOver(node, [join(root, 'scripts', `${command}.ts`)]);
else handOver(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...rest]);
