// Gateway benchmark: one cheap authenticated GET measured four ways, side by side in one run on loopback:
//   (a) straight to the service, (b) through the gateway's full chain, (c) nginx alone proxying to the service,
//   (d) nginx and the gateway. Prints req/s, p50/p99, server CPU per request, and the ratios.
// Run: npm run bench:gateway  (BENCH_SECONDS per loaded run, BENCH_CONCURRENCY connections)
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { listen, startTestIssuer } from '@tripwise/platform/testing';
import { ensureLocalCertificate, startNginx } from '../scripts/stack/nginx.ts';
import { ENTRY_POINTS, REPO_ROOT } from '../scripts/stack/processes.ts';
import { benchEnv } from './config.ts';

const PATH = '/api/search/whoami';
const work = await mkdtemp(join(tmpdir(), 'tripwise-gw-bench-'));
const issuer = await startTestIssuer({ issuer: 'http://localhost:8080/api/auth', audience: 'tripwise' });
const token = await issuer.sign({ role: 'traveler', expiresInSec: 600 });
// Stands in for the auth service's deny-list endpoint (auth's own benchmark measures auth).
const denyList = await listen((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"denied":false}');
});
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function spawnNode(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(file, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { child, port: message.port };
}

/** CPU seconds used so far by a process and its children's threads (user + system), from /proc. */
async function cpuSeconds(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100; // USER_HZ
}

async function nginxPids(masterPid: number): Promise<number[]> {
  const pids = [masterPid];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === masterPid) pids.push(Number(entry));
  }
  return pids;
}

interface Row {
  name: string;
  unloadedP50: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  errors: number;
}

/** One request at a time over one kept-alive connection: the latency a single user sees, in microseconds. */
async function unloadedP50(url: string, count = 1_500): Promise<number> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false })
    : new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = (secure ? httpsRequest : httpRequest)(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          agent,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.once('end', () => resolve(performance.now() - started));
        },
      );
      req.once('error', reject);
      req.end();
    });
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await once());
  agent.destroy();
  samples.sort((x, y) => x - y);
  return samples[Math.floor(samples.length / 2)]!;
}

async function measure(name: string, url: string, serverPids: number[]): Promise<Row> {
  const run = (connections: number, duration: number) =>
    autocannon({ url, connections, duration, headers: { authorization: `Bearer ${token}` } });
  await run(4, 1); // warm-up: JIT, keep-alive pools, token caches
  const idle = await unloadedP50(url);
  const cpuBefore = await cpuSeconds(serverPids);
  const loaded = await run(benchEnv.concurrency, benchEnv.durationMs / 1000);
  const cpu = (await cpuSeconds(serverPids)) - cpuBefore;
  const errors = loaded.errors + loaded.non2xx;
  return {
    name,
    unloadedP50: idle,
    rps: loaded.requests.average,
    p50: loaded.latency.p50,
    p99: loaded.latency.p99,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, loaded.requests.total),
    errors,
  };
}

try {
  const probe = await spawnNode(fileURLToPath(new URL('./fixtures/probe-service.ts', import.meta.url)), [
    issuer.jwksUrl,
    issuer.issuer,
    issuer.audience,
  ]);
  const gatewayPort = await freePort();
  const gateway = await spawnNode(join(REPO_ROOT, ENTRY_POINTS['api-gateway']), [], {
    ...benchEnv.inherited,
    PORT: String(gatewayPort),
    METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
    SEARCH_URL: `http://127.0.0.1:${probe.port}`,
    AUTH_URL: denyList.url,
    AUTH_JWKS_URL: issuer.jwksUrl,
    SERVE_FRONTENDS: 'false',
    TRUST_PROXY_HOPS: '1',
    RATE_LIMIT_READS_PER_MINUTE: '100000000',
    REDIS_PREFIX: `bench-gw-${Date.now()}:`,
  });
  const { cert, key } = ensureLocalCertificate(join(work, 'certs'));
  const edge = async (dir: string, upstreamPort: number) => {
    const httpsPort = await freePort();
    const nginx = await startNginx({
      runtimeDir: join(work, dir),
      gateway: `127.0.0.1:${upstreamPort}`,
      httpPort: await freePort(),
      httpsPort,
      cert,
      key,
      apiRate: 1_000_000,
      apiBurst: 1_000_000,
    });
    return { ...nginx, url: `https://127.0.0.1:${httpsPort}${PATH}`, pids: await nginxPids(nginx.process.pid!) };
  };
  const nginxToService = await edge('nginx-service', probe.port);
  const nginxToGateway = await edge('nginx-gateway', gatewayPort);

  const rows = [
    await measure('(a) straight to the service', `http://127.0.0.1:${probe.port}${PATH}`, [probe.child.pid!]),
    await measure('(b) gateway (full chain) -> service', `http://127.0.0.1:${gatewayPort}${PATH}`, [
      gateway.child.pid!,
      probe.child.pid!,
    ]),
    await measure('(c) nginx (TLS) -> service', nginxToService.url, [...nginxToService.pids, probe.child.pid!]),
    await measure('(d) nginx (TLS) -> gateway -> service', nginxToGateway.url, [
      ...nginxToGateway.pids,
      gateway.child.pid!,
      probe.child.pid!,
    ]),
  ];
  const fmt = (n: number, d = 2) => n.toFixed(d).padStart(10);
  process.stdout.write(
    `\n${'configuration'.padEnd(40)} ${'req/s'.padStart(10)} ${'p50 ms'.padStart(10)} ${'p99 ms'.padStart(10)} ${'idle p50 ms'.padStart(10)} ${'CPU ms/req'.padStart(10)} ${'errors'.padStart(7)}\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(40)} ${fmt(r.rps, 0)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.unloadedP50)} ${fmt(r.cpuMsPerRequest, 3)} ${String(r.errors).padStart(7)}\n`,
    );
  }
  const [a, b, c, d] = rows as [Row, Row, Row, Row];
  process.stdout.write(
    `\n(b)/(c) throughput: ${((b.rps / c.rps) * 100).toFixed(0)}% (target >= 25%)\n` +
      `(b)/(a) throughput: ${((b.rps / a.rps) * 100).toFixed(0)}%   (d)/(c): ${((d.rps / c.rps) * 100).toFixed(0)}%\n` +
      `gateway added at p50, unloaded: ${(b.unloadedP50 - a.unloadedP50).toFixed(3)} ms (target < 1 ms); behind nginx: ${(d.unloadedP50 - c.unloadedP50).toFixed(3)} ms\n` +
      `${benchEnv.concurrency} connections, ${benchEnv.durationMs / 1000} s per loaded run; store: ${benchEnv.inherited.REDIS_URL ? 'Redis' : 'in-process'}; Node ${process.version}\n`,
  );
  await nginxToService.stop();
  await nginxToGateway.stop();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await issuer.close();
  await denyList.close();
  await rm(work, { recursive: true, force: true });
}
