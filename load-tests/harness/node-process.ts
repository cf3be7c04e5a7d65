import { fork, type ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ENTRY_POINTS, NODE_FLAGS, REPO_ROOT, type ProcessName } from '../../scripts/stack/processes.ts';

export interface NodeProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** SIGTERM, then SIGKILL if it is still alive after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** Its last log lines (it logs warnings and errors only here): what a process that died said last. */
  lastLines(): string[];
  /** Whether it was told to stop (an exit then is no crash). */
  stopRequested(): boolean;
}

/**
 * Forks a Tripwise entry point with exactly `env` (plus PATH) and waits for it to report its port over IPC, as the
 * stack runner does (with the process's NODE_FLAGS given as `nodeFlags`). Its stdout (JSON logs) is kept to its last
 * lines; its stderr is shown. If it exits first, the error says so.
 */
export function startNodeProcess(
  name: string,
  file: string,
  env: NodeJS.ProcessEnv,
  options: { nodeFlags?: string[]; startTimeoutMs?: number; args?: string[] } = {},
): Promise<NodeProcess> {
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const child = fork(file, options.args ?? [], {
    execArgv: [...process.execArgv, ...(options.nodeFlags ?? [])],
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    if (lines.length > 20) lines.shift();
  });
  const lastLines = () => [...lines];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  const stopRequested = () => stopping;
  const stop = async (timeoutMs = 15_000) => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not listen within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type !== 'listening' || typeof message.port !== 'number') return;
      clearTimeout(timer);
      resolve({
        name,
        child,
        pid: child.pid!,
        port: message.port,
        url: `http://127.0.0.1:${message.port}`,
        stop,
        lastLines,
        stopRequested,
      });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${child.exitCode} before listening`));
    });
  });
}

/** One of the stack's processes, from its entry point with its NODE_FLAGS, as `npm start` runs it. */
export function startStackProcess(name: ProcessName, env: NodeJS.ProcessEnv): Promise<NodeProcess> {
  // The gateway's metrics port defaults to 9464: a free one instead, so several stacks can run side by side.
  const own = name === 'api-gateway' ? { METRICS_PORT: '0', ...env } : env;
  return startNodeProcess(name, join(REPO_ROOT, ENTRY_POINTS[name]), own, { nodeFlags: NODE_FLAGS[name] });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100; // USER_HZ
}

/** Busy and total CPU time of the whole machine so far (all cores), from /proc/stat, in ticks. */
export async function machineCpuTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * CPU used by every process whose command line contains `text` (e.g. the PostgreSQL backends serving one database,
 * whose process titles name it), from now on: `sample()` now and then (a process that exits between two samples
 * takes its last second with it), `seconds()` at the end. A process first seen later counts from its start.
 */
export async function processGroupCpu(text: string) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  const sample = async () => {
    for (const entry of await readdir('/proc').catch(() => [] as string[])) {
      if (!/^\d+$/.test(entry)) continue;
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
      if (!cmdline.includes(text)) continue;
      const pid = Number(entry);
      const cpu = await processCpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, started ? 0 : cpu);
      last.set(pid, cpu);
    }
    started = true;
  };
  await sample();
  return {
    sample,
    seconds: () => [...last].reduce((sum, [pid, cpu]) => sum + cpu - (first.get(pid) ?? 0), 0),
  };
}
