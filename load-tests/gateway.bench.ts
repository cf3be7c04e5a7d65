// Gateway benchmark: one cheap authenticated GET measured side by side in one run on loopback:
//   (a) straight to the service, (b) through the gateway's full chain (in-process store), (b') the same with Redis
//   as its store, (c) nginx alone proxying to the service, (d) nginx and the gateway. Prints req/s, p50/p99, the
//   unloaded p50, CPU per request (all servers, and the proxy's own), the ratios against the targets, then a CPU
//   profile of the gateway under the same load: its ten functions with the most self time.
// Run: npm run bench:gateway  (BENCH_SECONDS per loaded run, BENCH_CONCURRENCY connections, BENCH_PROFILE_SECONDS)
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { deleteRedisKeys, listen, startTestIssuer } from '@tripwise/platform/testing';
import { ensureLocalCertificate, startNginx } from '../scripts/stack/nginx.ts';
import { ENTRY_POINTS, NODE_FLAGS, REPO_ROOT } from '../scripts/stack/processes.ts';
import { benchEnv, gatewayBenchEnv } from './config.ts';
import { formatSelfTimes, readCpuProfile, selfTimes } from './harness/cpu-profile.ts';

const PATH = '/api/search/whoami';
const work = await mkdtemp(join(tmpdir(), 'tripwise-gw-bench-'));
const issuer = await startTestIssuer({ issuer: 'http://localhost:8080/api/auth', audience: 'tripwise' });
const token = await issuer.sign({ role: 'traveler', expiresInSec: 600 });
// Stands in for the auth service's deny-list endpoint (auth's own benchmark measures auth).
const denyList = await listen((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"denied":false}');
});
const redisPrefix = `bench-gw-${Date.now()}:`;
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
  execArgv: string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(file, args, {
    env: { PATH: process.env.PATH, ...env },
    execArgv: [...process.execArgv, ...execArgv],
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

/** Busy share of the whole machine (all cores) between two readings of /proc/stat. */
async function machineTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.slice(0, 8).reduce((x, y) => x + y, 0);
  return { busy: total - idle, total };
}

interface Row {
  name: string;
  unloadedP50: number;
  rps: number;
  p50: number;
  p99: number;
  /** Every server process of the configuration (proxy and service). */
  cpuMsPerRequest: number;
  /** The proxy's own processes only (the gateway, or nginx's): what the proxy costs. */
  ownCpuMsPerRequest: number | undefined;
  errors: number;
}

/** One request at a time over one kept-alive connection: the latency a single user sees, in milliseconds. */
async function unloadedP50(url: string, count = 1_500): Promise<number> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false })
    : new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
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
  for (let i = 0; i < count; i++) samples.push(await one());
  agent.destroy();
  samples.sort((x, y) => x - y);
  return samples[Math.floor(samples.length / 2)]!;
}

const load = (url: string, connections: number, seconds: number) =>
  autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });

async function measure(name: string, url: string, serverPids: number[], ownPids?: number[]): Promise<Row> {
  await load(url, 4, 1); // warm-up: JIT, keep-alive pools, token caches
  const idle = await unloadedP50(url);
  const cpuBefore = await cpuSeconds(serverPids);
  const ownBefore = ownPids ? await cpuSeconds(ownPids) : 0;
  const loaded = await load(url, benchEnv.concurrency, benchEnv.durationMs / 1000);
  const cpu = (await cpuSeconds(serverPids)) - cpuBefore;
  const own = ownPids ? (await cpuSeconds(ownPids)) - ownBefore : undefined;
  const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, loaded.requests.total);
  return {
    name,
    unloadedP50: idle,
    rps: loaded.requests.average,
    p50: loaded.latency.p50,
    p99: loaded.latency.p99,
    cpuMsPerRequest: perRequest(cpu),
    ownCpuMsPerRequest: own === undefined ? undefined : perRequest(own),
    errors: loaded.errors + loaded.non2xx,
  };
}

try {
  const probe = await spawnNode(fileURLToPath(new URL('./fixtures/probe-service.ts', import.meta.url)), [
    issuer.jwksUrl,
    issuer.issuer,
    issuer.audience,
  ]);
  const startGateway = async (store: 'in-process' | 'redis', execArgv: string[] = []) => {
    const port = await freePort();
    const { REDIS_URL: _inheritedRedis, ...inherited } = benchEnv.inherited;
    const gateway = await spawnNode(
      join(REPO_ROOT, ENTRY_POINTS['api-gateway']),
      [],
      {
        ...inherited,
        ...(store === 'redis' ? { REDIS_URL: gatewayBenchEnv.redisUrl } : {}),
        PORT: String(port),
        METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
        SEARCH_URL: `http://127.0.0.1:${probe.port}`,
        AUTH_URL: denyList.url,
        AUTH_JWKS_URL: issuer.jwksUrl,
        SERVE_FRONTENDS: 'false',
        TRUST_PROXY_HOPS: '1',
        RATE_LIMIT_READS_PER_MINUTE: '100000000',
        REDIS_PREFIX: redisPrefix,
      },
      [...NODE_FLAGS['api-gateway'], ...execArgv],
    );
    return { ...gateway, url: `http://127.0.0.1:${port}${PATH}`, port };
  };
  const gateway = await startGateway('in-process');
  const redisGateway = gatewayBenchEnv.redis ? await startGateway('redis') : undefined;
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
  const nginxToGateway = await edge('nginx-gateway', gateway.port);

  const machineBefore = await machineTicks();
  const started = performance.now();
  const probePid = probe.child.pid!;
  const gatewayPid = gateway.child.pid!;
  const rows: Row[] = [
    await measure('(a) straight to the service', `http://127.0.0.1:${probe.port}${PATH}`, [probePid]),
    await measure('(b) gateway (full chain) -> service', gateway.url, [gatewayPid, probePid], [gatewayPid]),
  ];
  if (redisGateway) {
    const pid = redisGateway.child.pid!;
    rows.push(await measure("(b') the same, Redis as its store", redisGateway.url, [pid, probePid], [pid]));
  }
  rows.push(
    await measure(
      '(c) nginx (TLS) -> service',
      nginxToService.url,
      [...nginxToService.pids, probePid],
      nginxToService.pids,
    ),
    await measure('(d) nginx (TLS) -> gateway -> service', nginxToGateway.url, [
      ...nginxToGateway.pids,
      gatewayPid,
      probePid,
    ]),
  );
  const machineAfter = await machineTicks();
  const busy = (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);

  const fmt = (n: number | undefined, d = 2) => (n === undefined ? '' : n.toFixed(d)).padStart(10);
  process.stdout.write(
    `\n${'configuration'.padEnd(40)} ${'req/s'.padStart(10)} ${'p50 ms'.padStart(10)} ${'p99 ms'.padStart(10)} ${'idle p50'.padStart(10)} ${'CPU/req'.padStart(10)} ${'proxy CPU'.padStart(10)} ${'errors'.padStart(7)}\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(40)} ${fmt(r.rps, 0)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.unloadedP50, 3)} ${fmt(r.cpuMsPerRequest, 3)} ${fmt(r.ownCpuMsPerRequest, 3)} ${String(r.errors).padStart(7)}\n`,
    );
  }
  const byName = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const [a, b, c, d] = ['(a)', '(b)', '(c)', '(d)'].map((p) => byName(p)!) as [Row, Row, Row, Row];
  const bRedis = byName("(b')");
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const throughput = b.rps / c.rps;
  const added = b.unloadedP50 - a.unloadedP50;
  const gatewayCpu = b.ownCpuMsPerRequest!;
  process.stdout.write(
    `\n(b)/(c) throughput: ${(throughput * 100).toFixed(0)}% (target >= 50%: ${verdict(throughput >= 0.5)})\n` +
      `(b)/(a) throughput: ${((b.rps / a.rps) * 100).toFixed(0)}%   (d)/(c): ${((d.rps / c.rps) * 100).toFixed(0)}%\n` +
      `gateway added at p50, unloaded: ${added.toFixed(3)} ms (target <= 0.5 ms: ${verdict(added <= 0.5)}); ` +
      `behind nginx: ${(d.unloadedP50 - c.unloadedP50).toFixed(3)} ms\n` +
      `gateway's own CPU per request: ${gatewayCpu.toFixed(3)} ms (target <= 0.3 ms: ${verdict(gatewayCpu <= 0.3)}); ` +
      `nginx's: ${c.ownCpuMsPerRequest!.toFixed(3)} ms\n` +
      (bRedis
        ? `Redis store / in-process store throughput: ${((bRedis.rps / b.rps) * 100).toFixed(0)}% ` +
          `(target >= 90%: ${verdict(bRedis.rps >= 0.9 * b.rps)}); CPU ${bRedis.ownCpuMsPerRequest!.toFixed(3)} ms/req\n`
        : 'Redis store: not measured (BENCH_GATEWAY_REDIS=false)\n') +
      `${benchEnv.concurrency} connections, ${benchEnv.durationMs / 1000} s per loaded run; machine ${(busy * 100).toFixed(0)}% busy ` +
      `over the ${((performance.now() - started) / 1000).toFixed(0)} s of runs (this benchmark included); Node ${process.version}\n`,
  );
  await nginxToService.stop();
  await nginxToGateway.stop();

  if (gatewayBenchEnv.profileSeconds > 0) {
    // A gateway of its own under the profiler, so the figures above are not slowed by it.
    const dir = join(work, 'profile');
    await mkdir(dir, { recursive: true });
    const forked = performance.now();
    const profiled = await startGateway('in-process', ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    await load(profiled.url, 4, 1);
    const skipFirstMs = performance.now() - forked; // start-up and warm-up: not what a request costs
    await load(profiled.url, benchEnv.concurrency, gatewayBenchEnv.profileSeconds);
    const exited = once(profiled.child, 'exit');
    profiled.child.kill('SIGTERM');
    await exited;
    const summary = selfTimes(await readCpuProfile(dir), REPO_ROOT, { skipFirstMs });
    process.stdout.write(
      `\nThe gateway's top 10 functions by self time (in-process store, ${benchEnv.concurrency} connections, ` +
        `${gatewayBenchEnv.profileSeconds} s; node --cpu-prof):\n${formatSelfTimes(summary)}`,
    );
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await issuer.close();
  await denyList.close();
  if (gatewayBenchEnv.redis) await deleteRedisKeys(gatewayBenchEnv.redisUrl, redisPrefix).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
}
