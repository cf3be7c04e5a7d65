import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  ENTRY_POINTS,
  NODE_FLAGS,
  REPO_ROOT,
  SERVICES,
  UPSTREAM_URL_VARIABLE,
  embeddedNodeFlags,
  type ProcessName,
} from './processes.ts';

export interface StackOptions {
  /** Environment every process gets (storage, log level, Sentry…); PORT and upstream URLs are set here. */
  env: NodeJS.ProcessEnv;
  /** Port per process; 0 lets each pick a free one and report it (insights: a free one unless given). */
  ports: Omit<Record<ProcessName, number>, 'insights'> & { insights?: number };
  /** The gateway's metrics port (never its public one); 0 or absent: a free one, reported. */
  gatewayMetricsPort?: number;
  /** Extra variables for one process, e.g. its own DATABASE_SCHEMA in a test. */
  envFor?: (name: ProcessName) => NodeJS.ProcessEnv;
  /** Every line a process writes (JSON log lines on stdout, anything on stderr). */
  onLine?: (name: ProcessName, line: string, stream: 'stdout' | 'stderr') => void;
  /** How long a process may take to listen. */
  startTimeoutMs?: number;
  /** A folder for one log file per process (`<name>.log`, appended to), which `npm run logs` reads. */
  logDir?: string;
}

export interface RunningProcess {
  name: ProcessName;
  port: number;
  url: string;
  /** Where Prometheus scrapes it: the gateway's metrics port, a service's own port. */
  metricsPort: number;
  metricsUrl: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export interface RunningStack {
  gatewayUrl: string;
  processes: RunningProcess[];
  /** SIGTERM to the gateway, then the services; SIGKILL what is still alive after the timeout. Exit codes by name. */
  stop(timeoutMs?: number): Promise<Record<string, number | null>>;
}

function startProcess(name: ProcessName, env: NodeJS.ProcessEnv, options: StackOptions): Promise<RunningProcess> {
  // Each process gets its own process group, so a terminal's Ctrl-C reaches only the runner, which then stops
  // them in order. If the runner dies, the IPC channel closes and each service shuts itself down.
  const flags = [...NODE_FLAGS[name], ...embeddedNodeFlags(name, env)];
  const child = spawn(process.execPath, [...flags, join(REPO_ROOT, ENTRY_POINTS[name])], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Logs are JSON lines on stdout; a crash's stack is on stderr: the last lines of both explain a failed start.
  const tail: string[] = [];
  const file = options.logDir ? createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' }) : undefined;
  for (const stream of ['stdout', 'stderr'] as const) {
    const output = child[stream];
    if (!output) continue;
    createInterface({ input: output }).on('line', (line) => {
      tail.splice(0, Math.max(0, tail.length - 19), line);
      file?.write(`${line}\n`);
      options.onLine?.(name, line, stream);
    });
  }
  child.once('exit', () => file?.end());
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A limit against a hang, not a target: a first start on PGlite writes weeks of flights before search listens,
  // which takes minutes on a busy 2-core machine (CI runs two test passes side by side).
  const timeoutMs = options.startTimeoutMs ?? 240_000;

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start listening within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message: { type?: string; port?: number; metricsPort?: number }) => {
      if (message.type !== 'listening' || typeof message.port !== 'number') return;
      clearTimeout(timer);
      const metricsPort = message.metricsPort ?? message.port;
      resolve({
        name,
        port: message.port,
        url: `http://127.0.0.1:${message.port}`,
        metricsPort,
        metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
        child,
        exited,
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening:\n${tail.join('\n')}`));
    });
  });
}

async function stopProcess(proc: RunningProcess, timeoutMs: number): Promise<number | null> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return code;
}

/** A port nobody listens on right now (asked of the kernel), for a process that must be told its port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the five services, then the gateway, each as its own Node process. Every process is told where the
 * others listen (AUTH_URL, SEARCH_URL, …): services call each other, and the AI agent checks tokens against
 * auth's keys. Port 0 is resolved to a free port first, for that reason.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });
  const ports = Object.fromEntries(
    await Promise.all(
      Object.entries({ insights: 0, ...options.ports }).map(
        async ([name, port]) => [name, port === 0 ? await freePort() : port] as const,
      ),
    ),
  ) as Record<ProcessName, number>;
  const urls = Object.fromEntries(
    SERVICES.map((name) => [UPSTREAM_URL_VARIABLE[name], `http://127.0.0.1:${ports[name]}`]),
  );
  const envOf = (name: ProcessName) => ({
    ...options.env,
    ...urls,
    ...options.envFor?.(name),
    PORT: String(ports[name]),
  });
  const started = await Promise.allSettled(SERVICES.map((name) => startProcess(name, envOf(name), options)));
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await Promise.all(services.map((p) => stopProcess(p, 5_000)));
    throw failure.reason;
  }
  let gateway: RunningProcess;
  try {
    const metricsEnv = { METRICS_PORT: String(options.gatewayMetricsPort ?? 0) };
    gateway = await startProcess('api-gateway', { ...envOf('api-gateway'), ...metricsEnv }, options);
  } catch (err) {
    await Promise.all(services.map((p) => stopProcess(p, 5_000)));
    throw err;
  }
  const processes = [gateway, ...services];

  return {
    gatewayUrl: gateway.url,
    processes,
    async stop(timeoutMs = 15_000) {
      // The gateway first, so no new request reaches a service that is draining.
      const codes: Record<string, number | null> = { 'api-gateway': await stopProcess(gateway, timeoutMs) };
      const serviceCodes = await Promise.all(services.map((p) => stopProcess(p, timeoutMs)));
      services.forEach((p, i) => (codes[p.name] = serviceCodes[i] ?? null));
      return codes;
    },
  };
}
