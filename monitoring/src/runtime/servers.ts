import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { requireTool } from './tools.ts';

export interface RunningServer {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

async function waitReady(url: string, exited: Promise<number | null>, timeoutMs: number, lines: string[]) {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !done) {
    const ok = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) })
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready${done ? ' (it exited)' : ''}:\n${lines.slice(-20).join('\n')}`);
}

function start(
  name: string,
  file: string,
  args: string[],
  url: string,
  onLine?: (line: string) => void,
): Promise<RunningServer> {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.splice(0, Math.max(0, lines.length - 99), line);
      onLine?.(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: RunningServer = {
    name,
    url,
    child,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return waitReady(url, exited, 30_000, lines).then(
    () => server,
    async (err: unknown) => {
      await server.stop(2_000);
      throw err;
    },
  );
}

/** Debian's Prometheus on loopback, its database in `dataDir`. Resolves once it answers /-/ready. */
export function startPrometheus(options: {
  configFile: string;
  dataDir: string;
  port: number;
  onLine?: (line: string) => void;
}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  return start(
    'prometheus',
    requireTool('prometheus'),
    [
      `--config.file=${options.configFile}`,
      `--storage.tsdb.path=${options.dataDir}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
      `--web.external-url=${url}`,
    ],
    url,
    options.onLine,
  );
}

/** Debian's blackbox exporter on loopback: it probes what Prometheus's `edge` job hands it. */
export function startBlackboxExporter(options: {
  configFile: string;
  port: number;
  onLine?: (line: string) => void;
}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  return start(
    'blackbox',
    requireTool('blackbox'),
    [`--config.file=${options.configFile}`, `--web.listen-address=127.0.0.1:${options.port}`],
    url,
    options.onLine,
  );
}

/**
 * Debian's Alertmanager on loopback. `--cluster.listen-address=` turns off its gossip with other Alertmanagers,
 * which would otherwise listen on every interface.
 */
export function startAlertmanager(options: {
  configFile: string;
  dataDir: string;
  port: number;
  onLine?: (line: string) => void;
}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  return start(
    'alertmanager',
    requireTool('alertmanager'),
    [
      `--config.file=${options.configFile}`,
      `--storage.path=${options.dataDir}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
      `--web.external-url=${url}`,
      '--cluster.listen-address=',
    ],
    url,
    options.onLine,
  );
}
