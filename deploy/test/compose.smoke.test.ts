import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { deployConfig } from '../scripts/deploy.config.ts';
import { phase, runOk } from '../scripts/run.ts';
import {
  baseImagesToUse,
  buildImages,
  dockerAnswers,
  startComposeStack,
  testTag,
  type ComposeStack,
} from './support/compose-stack.ts';
import { edgeClient, type EdgeCall } from './support/edge-client.ts';
import { aTripTheInventoryHas, flightBooking, isoDay, signUpAndIn } from './support/traveler.ts';

// The production compose built from this tree and started for real: two instances of the gateway and of every
// service on PostgreSQL and Redis, behind the nginx edge with TLS. Everything below goes through the edge as a
// browser would, except the checks that something is reachable only inside (run from inside a container).
const docker = await dockerAnswers();
if (!docker) {
  process.stdout.write(
    `\n${'!'.repeat(100)}\n!!! NO DOCKER ENGINE ANSWERS (${deployConfig.DOCKER} info failed): the image build and the compose smoke test are SKIPPED.\n!!! Start one (deploy/scripts/dockerd.sh start) to run them.\n${'!'.repeat(100)}\n\n`,
  );
  if (deployConfig.DEPLOY_REQUIRE_DOCKER) throw new Error('DEPLOY_REQUIRE_DOCKER is set and no Docker engine answers');
}

let stack: ComposeStack;
/** The mail catcher's web port on this machine (compose-stack.ts publishes it next to the edge's). */
const mailApi = () => `http://127.0.0.1:${stack.httpsPort + 2}`;
let call: EdgeCall;
let ca: Buffer;
const PROCESSES = ['auth', 'search', 'booking', 'ai-agent', 'api-gateway'];

/** Runs a line of JavaScript inside a container (node is in every Tripwise image), e.g. to read /metrics. */
async function insideContainer(container: string, script: string): Promise<string> {
  return runOk(deployConfig.DOCKER, ['exec', container, 'node', '-e', script], { timeoutMs: 30_000 });
}
const fetchInside = (container: string, url: string) =>
  insideContainer(
    container,
    `fetch(${JSON.stringify(url)}).then(async r => process.stdout.write(r.status + '\\n' + await r.text()))`,
  );

/** Established TCP connections to an agent instance's port (its own network namespace's /proc/net/tcp). */
async function socketsOpen(container: string): Promise<number> {
  const script = `let n = 0;
    for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const line of require('fs').readFileSync(f, 'utf8').split('\\n').slice(1)) {
        const [, local, , state] = line.trim().split(/\\s+/);
        if (local && local.endsWith(':0FA4') && state === '01') n++;
      }
    }
    process.stdout.write(String(n));`;
  return Number(await insideContainer(container, script));
}

function openAgentSocket(token: string): Promise<Socket> {
  const socket = io(`https://localhost:${stack.httpsPort}/agent`, {
    path: '/socket.io/',
    transports: ['websocket'],
    auth: { token },
    query: { access_token: token },
    extraHeaders: { origin: `https://localhost:${stack.httpsPort}` },
    ca: ca.toString(),
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('session:ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe.runIf(docker)('the production compose, built from this tree', () => {
  beforeAll(async () => {
    const bases = await baseImagesToUse();
    const tag = testTag();
    phase(`images: ${bases} base images, tag ${tag}`);
    await buildImages(bases, tag);
    stack = await startComposeStack({ bases, tag });
    ca = await readFile(join(stack.secretsDir, 'certs', 'ca.pem'));
    call = edgeClient(stack.httpsPort, ca);
  }, 30 * 60_000);

  afterAll(async () => {
    await stack?.down();
  }, 5 * 60_000);

  test('When it is up, then the gateway and every service run two instances, not as root, with limits, read-only', async () => {
    for (const service of PROCESSES) {
      const containers = await stack.containers(service);
      expect(containers, service).toHaveLength(2);
      for (const name of containers) {
        const inspected = await runOk(
          deployConfig.DOCKER,
          [
            'inspect',
            '-f',
            '{{.Config.User}} {{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.ReadonlyRootfs}} {{.State.Health.Status}}',
            name,
          ],
          { timeoutMs: 15_000 },
        );
        const [user, memory, cpus, readOnly, health] = inspected.trim().split(' ');
        expect({ name, user, readOnly, health }).toEqual({ name, user: 'node', readOnly: 'true', health: 'healthy' });
        expect(Number(memory)).toBeGreaterThan(0);
        expect(Number(cpus)).toBeGreaterThan(0);
      }
    }
  });

  test('When the ports are listed, then only the edge (and the development mail catcher and monitoring UIs) publish any, on 127.0.0.1', async () => {
    const out = await runOk(
      deployConfig.DOCKER,
      [
        'ps',
        '--filter',
        `label=com.docker.compose.project=${stack.project}`,
        '--format',
        '{{.Label "com.docker.compose.service"}}\t{{.Ports}}',
      ],
      { timeoutMs: 15_000 },
    );
    const published = out
      .split('\n')
      .filter((l) => l.includes('->'))
      .map((l) => l.split('\t'));
    // Prometheus and Alertmanager, when this tree runs them, open their UIs to the operator on this machine only.
    const monitoring = stack.services.includes('prometheus') ? ['alertmanager', 'prometheus'] : [];
    expect(published.map(([service]) => service).sort()).toEqual([...monitoring, 'edge', 'smtp'].sort());
    for (const [, ports] of published) {
      for (const binding of ports!.split(', ').filter((p) => p.includes('->'))) {
        expect(binding).toMatch(/^127\.0\.0\.1:/);
      }
    }
  });

  test('When a browser opens the site over TLS, then the edge serves the web client and redirects plain HTTP', async () => {
    const home = await call('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Tripwise</title>');
    expect(home.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    const admin = await call('/admin/');
    expect(admin.body).toContain('<title>Tripwise admin</title>');
    for (const path of ['/api/auth/ready', '/api/search/ready', '/api/bookings/ready', '/api/ai/ready']) {
      const ready = await call(path);
      expect(ready.json(), path).toMatchObject({ status: 'ready', checks: { database: 'ok', kv: 'ok' } });
    }
    // Port 80 sends browsers to HTTPS on the standard port (the production edge listens on 443).
    const plain = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      httpRequest(
        { host: '127.0.0.1', port: stack.httpPort, path: '/flights?from=BOS', headers: { host: 'localhost' } },
        (r) => {
          r.resume();
          resolve({ status: r.statusCode ?? 0, location: r.headers.location });
        },
      )
        .on('error', reject)
        .end();
    });
    expect(plain).toEqual({ status: 301, location: 'https://localhost/flights?from=BOS' });
  });

  test('When a traveler signs up, signs in, searches and books a flight with a test card through the edge, then it is confirmed', async () => {
    const traveler = await signUpAndIn(call, mailApi());
    const date = isoDay(14);
    const flights = await call(`/api/search/flights?origin=NYC&destination=LAX&date=${date}`);
    expect(flights.status).toBe(200);
    const found = flights.json<{ total: number; items: { id: string; price: { amount: number } }[] }>();
    expect(found.total).toBeGreaterThan(0);
    const hotels = await call(`/api/search/hotels?city=NYC&checkIn=${date}&checkOut=${isoDay(16)}`);
    expect(hotels.json<{ total: number }>().total).toBeGreaterThan(0);

    const booked = await call('/api/bookings', {
      method: 'POST',
      token: traveler.token,
      headers: { 'idempotency-key': randomUUID() },
      body: flightBooking(found.items[0]!, traveler.email),
    });
    expect(booked.status, booked.body).toBe(201);
    const booking = booked.json<{ id: string; status: string }>();
    expect(booking.status).toBe('confirmed');
    const mine = await call('/api/bookings?when=upcoming', { token: traveler.token });
    expect(mine.json<{ items: { id: string }[] }>().items.map((b) => b.id)).toEqual([booking.id]);

    // The confirmation mail of the sign-up went out over SMTP to the catcher.
    const [smtp] = await stack.containers('smtp');
    const inbox = await fetchInside(smtp!, 'http://127.0.0.1:1080/api/email');
    expect(inbox).toContain(traveler.email);
  });

  test(
    'When a traveler has sockets on both agent instances, then a plan run by one reaches every socket, in order',
    async () => {
      const traveler = await signUpAndIn(call, mailApi());
      const message = await aTripTheInventoryHas(call);
      const agents = await stack.containers('ai-agent');
      const before = await Promise.all(agents.map(socketsOpen));

      // Tabs of one traveler: each socket is its own connection through nginx and the gateway, to either agent
      // instance. Open them until both instances hold at least one (at most eight).
      const sockets: Socket[] = [];
      let perInstance: number[] = [];
      try {
        for (let i = 0; i < 8; i++) {
          sockets.push(await openAgentSocket(traveler.token));
          perInstance = (await Promise.all(agents.map(socketsOpen))).map((n, k) => n - before[k]!);
          if (sockets.length >= 2 && perInstance.every((n) => n > 0)) break;
        }
        phase(`agent sockets per instance: ${perInstance.join(' / ')}`);
        expect(
          perInstance.every((n) => n > 0),
          `sockets per instance: ${perInstance.join(', ')}`,
        ).toBe(true);

        const heard = sockets.map(() => [] as { event: string; seq: number; kind?: string }[]);
        sockets.forEach((socket, k) => {
          for (const event of ['plan:progress', 'plan:result', 'plan:error']) {
            socket.on(event, (p: { seq: number; kind?: string }) =>
              heard[k]!.push({ event, seq: p.seq, kind: p.kind }),
            );
          }
        });
        const res = await call('/api/ai/chat', { method: 'POST', token: traveler.token, body: { message } });
        expect(res.status, res.body).toBe(202);
        const deadline = Date.now() + 90_000;
        while (Date.now() < deadline && !heard.every((events) => events.some((e) => e.event !== 'plan:progress'))) {
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        for (const events of heard) {
          const said = JSON.stringify(events);
          expect(events.at(-1), said).toMatchObject({ event: 'plan:result', kind: 'bundles' });
          expect(
            events.map((e) => e.seq),
            said,
          ).toEqual(events.map((_, i) => i + 1));
        }
      } finally {
        for (const socket of sockets) socket.close();
      }
    },
    5 * 60_000,
  );

  test("When the pipeline's smoke test runs against the stack, then it passes, test-card booking included", async () => {
    const out = await runOk(
      process.execPath,
      ['deploy/scripts/smoke.ts', `https://localhost:${stack.httpsPort}`, '--book', '--mail', mailApi()],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: join(stack.secretsDir, 'certs', 'ca.pem') },
        timeoutMs: 120_000,
      },
    );
    expect(out).toContain('ok   book a flight with a test card');
    expect(out).toContain('smoke test passed');
  });

  test("When a migration Job's command runs in a service image, then it finds the schema up to date and exits 0", async () => {
    const out = await stack.compose(
      [
        'run',
        '--rm',
        '--no-deps',
        '-T',
        'auth',
        'node',
        '--import',
        '/app/deploy/docker/runtime/secret-files.mjs',
        '/app/deploy/docker/runtime/migrate.ts',
        'auth',
      ],
      120_000,
    );
    const ready = out.split('\n').find((l) => l.includes('"database ready"'));
    expect(JSON.parse(ready!)).toMatchObject({ backend: 'postgres', schema: 'auth', migrationsApplied: [] });
  });

  test('When metrics are asked for, then they answer inside the network only', async () => {
    const [gateway] = await stack.containers('api-gateway');
    for (const [host, port] of [
      ['api-gateway', 9464],
      ['auth', 4001],
      ['search', 4002],
      ['booking', 4003],
      ['ai-agent', 4004],
    ] as const) {
      const text = await fetchInside(gateway!, `http://${host}:${port}/metrics`);
      expect(text, host).toMatch(/^200\n/);
      expect(text).toContain(`process_resident_memory_bytes{service="${host}"}`);
    }
    // Outside, no path leads to them (nginx answers the web client's page or a 404, never Prometheus text).
    for (const path of ['/metrics', '/api/metrics', '/api/auth/metrics', '/api/search/metrics', '/api/ai/metrics']) {
      expect((await call(path)).body, path).not.toContain('# TYPE');
    }
  });

  test('When the backup service starts, then it has dumped every service schema, with checksums that verify', async () => {
    const [backup] = await stack.containers('backup');
    const deadline = Date.now() + 60_000;
    let listing = '';
    while (Date.now() < deadline) {
      listing = await runOk(
        deployConfig.DOCKER,
        ['exec', backup!, 'sh', '-c', 'ls /backups/*/SHA256SUMS 2>/dev/null || true'],
        { timeoutMs: 15_000 },
      );
      if (listing.trim()) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const folder = listing
      .trim()
      .split('\n')[0]!
      .replace(/\/SHA256SUMS$/, '');
    const checked = await runOk(
      deployConfig.DOCKER,
      ['exec', '-w', folder, backup!, 'sha256sum', '--check', 'SHA256SUMS'],
      { timeoutMs: 15_000 },
    );
    expect(checked.trim().split('\n').sort()).toEqual(
      ['ai_agent', 'auth', 'booking', 'search'].map((s) => `${s}.dump: OK`),
    );
  });

  test('When monitoring is part of the tree, then Prometheus and Alertmanager answer inside the network', async (ctx) => {
    if (!stack.services.includes('prometheus')) {
      ctx.skip();
      return;
    }
    const [gateway] = await stack.containers('api-gateway');
    expect(await fetchInside(gateway!, 'http://prometheus:9090/-/ready')).toMatch(/^200\n/);
    expect(await fetchInside(gateway!, 'http://alertmanager:9093/-/ready')).toMatch(/^200\n/);
  });

  test('When the stack is stopped, then every Node process drains and exits with code 0', async () => {
    await stack.compose(['stop', '--timeout', '20', ...PROCESSES], 3 * 60_000);
    for (const service of PROCESSES) {
      for (const name of await runOk(
        deployConfig.DOCKER,
        [
          'ps',
          '-a',
          '--filter',
          `label=com.docker.compose.project=${stack.project}`,
          '--filter',
          `label=com.docker.compose.service=${service}`,
          '--format',
          '{{.Names}} {{.Status}}',
        ],
        { timeoutMs: 15_000 },
      ).then((o) => o.split('\n').filter(Boolean))) {
        expect(name).toMatch(/ Exited \(0\) /);
      }
    }
  });
});
