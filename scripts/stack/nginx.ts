import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './processes.ts';

export const NGINX_BINARY = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/opt/homebrew/bin/nginx'].find(existsSync);

export interface EdgeSettings {
  /** Folder for the rendered config, pid, logs and temp files. */
  runtimeDir: string;
  gateway: string;
  httpPort: number;
  httpsPort: number;
  cert: string;
  key: string;
  webRoot?: string;
  adminRoot?: string;
  /** Requests per second per client address under /api/, and the burst allowed above it. */
  apiRate?: number;
  apiBurst?: number;
}

/** Makes the local CA and localhost certificate (nginx/make-local-cert.sh) unless they exist. */
export function ensureLocalCertificate(dir = join(REPO_ROOT, 'data', 'certs')): {
  cert: string;
  key: string;
  ca: string;
} {
  const files = { cert: join(dir, 'fullchain.pem'), key: join(dir, 'localhost.key'), ca: join(dir, 'ca.pem') };
  if (!existsSync(files.cert)) {
    const made = spawnSync(join(REPO_ROOT, 'nginx', 'make-local-cert.sh'), [dir], { stdio: 'pipe' });
    if (made.status !== 0) throw new Error(`make-local-cert.sh failed: ${made.stderr.toString()}`);
  }
  return files;
}

/** Renders nginx/tripwise.conf.template and its snippets into `runtimeDir`. */
export async function renderNginxConfig(settings: EdgeSettings): Promise<string> {
  const source = join(REPO_ROOT, 'nginx');
  await mkdir(settings.runtimeDir, { recursive: true });
  for (const file of await readdir(source)) {
    if (file.endsWith('.conf')) await copyFile(join(source, file), join(settings.runtimeDir, file));
  }
  const values: Record<string, string> = {
    RUNTIME_DIR: settings.runtimeDir,
    CONF_DIR: settings.runtimeDir,
    MIME_TYPES: '/etc/nginx/mime.types',
    GATEWAY: settings.gateway,
    HTTP_PORT: String(settings.httpPort),
    HTTPS_PORT: String(settings.httpsPort),
    HTTPS_PORT_SUFFIX: settings.httpsPort === 443 ? '' : `:${settings.httpsPort}`,
    CERT: settings.cert,
    KEY: settings.key,
    WEB_ROOT: settings.webRoot ?? join(REPO_ROOT, 'frontend', 'web-client', 'dist'),
    ADMIN_ROOT: settings.adminRoot ?? join(REPO_ROOT, 'frontend', 'admin-portal', 'dist'),
    API_RATE: String(settings.apiRate ?? 50),
    API_BURST: String(settings.apiBurst ?? 100),
  };
  const template = await readFile(join(source, 'tripwise.conf.template'), 'utf8');
  const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx template: no value for {{${name}}}`);
    return value;
  });
  const file = join(settings.runtimeDir, 'nginx.conf');
  await writeFile(file, rendered);
  return file;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => resolve(socket.end() !== undefined));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not open port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs nginx in the foreground as a child process; `stop()` asks it to quit gracefully. */
export async function startNginx(
  settings: EdgeSettings,
): Promise<{ process: ChildProcess; stop: () => Promise<void> }> {
  if (!NGINX_BINARY) throw new Error('nginx is not installed (Debian: apt-get install -y nginx)');
  const config = await renderNginxConfig(settings);
  const test = spawnSync(NGINX_BINARY, [
    '-t',
    '-q',
    '-p',
    settings.runtimeDir,
    '-e',
    join(settings.runtimeDir, 'error.log'),
    '-c',
    config,
  ]);
  if (test.status !== 0) throw new Error(`nginx rejected its configuration:\n${test.stderr.toString()}`);
  const child = spawn(
    NGINX_BINARY,
    ['-p', settings.runtimeDir, '-e', join(settings.runtimeDir, 'error.log'), '-c', config, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(settings.httpsPort, 10_000);
  return {
    process: child,
    stop: async () => {
      child.kill('SIGQUIT'); // graceful: finish open requests, then exit
      await exited;
    },
  };
}
