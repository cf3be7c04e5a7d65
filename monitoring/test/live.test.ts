import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CAUSE_ALERTS } from '../src/alerts/index.ts';
import { PANEL_QUERIES_AWAITING_METRICS } from '../src/awaiting.ts';
import { DASHBOARDS } from '../src/grafana/index.ts';
import { awaitedMetricsIn } from '../src/metrics-to-add.ts';
import { PROCESSES } from '../src/prometheus/targets.ts';
import { runTool } from '../src/runtime/tools.ts';
import { SLOS } from '../src/slo/spec.ts';
import { linesOfRequest, readLogDir } from '../../scripts/stack/request-logs.ts';
import { probeReadiness } from './traffic.ts';
import { ENVIRONMENT, eventually, sleep, startWatchedStack, type WatchedStack } from './watched-stack.ts';

/** prom-client's default metrics that promtool's linter flags: gauges whose names end in _total. Exactly these. */
const PROM_CLIENT_LINT = [
  'nodejs_active_handles_total non-counter metrics should not have "_total" suffix',
  'nodejs_active_requests_total non-counter metrics should not have "_total" suffix',
  'nodejs_active_resources_total non-counter metrics should not have "_total" suffix',
];

let watched: WatchedStack;

/** Prometheus's HTTP API: the `data` of a successful answer. */
async function prometheus<T>(path: string, params: Record<string, string> = {}): Promise<T> {
  const url = `${watched.monitoring.prometheus.url}/api/v1/${path}?${new URLSearchParams(params).toString()}`;
  const body = (await (await fetch(url)).json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(`${path} ${JSON.stringify(params)}: ${body.error}`);
  return body.data;
}

beforeAll(async () => {
  watched = await startWatchedStack();
}, 240_000);

afterAll(async () => watched?.stop(), 60_000);

describe('One request followed across processes, and logs without secrets', () => {
  test('When one booking is looked up by its request id, then its lines come from the gateway, booking and search, oldest first, under one trace id', async () => {
    const requestId = watched.seen.requestIds!.booking!;
    const lines = linesOfRequest(await readLogDir(watched.logDir), requestId);
    expect([...new Set(lines.map((l) => l.process))]).toEqual(
      expect.arrayContaining(['api-gateway', 'booking', 'search']),
    );
    expect(new Set(lines.map((l) => l.traceId))).toEqual(new Set([watched.seen.traceIds!.booking]));
    const times = lines.map((l) => l.timestamp);
    expect(times).toEqual([...times].sort());
  });

  test("When the booking's spans reach the OTLP receiver, then they form one trace: each service's span a child of its caller's", async () => {
    const traceId = watched.seen.traceIds!.booking!;
    const spans = await eventually(
      async () => {
        const found = watched.otlp.spans().filter((s) => s.traceId === traceId);
        return ['api-gateway', 'booking', 'search'].every((name) => found.some((s) => s.service === name))
          ? found
          : undefined;
      },
      15_000,
      "the booking's spans",
    );
    const root = spans.find((s) => s.service === 'api-gateway' && !s.parentSpanId)!;
    expect(root.name).toBe('POST proxy:booking');
    const booking = spans.find((s) => s.service === 'booking' && s.parentSpanId === root.spanId)!;
    expect(booking.name).toMatch(/^POST \/api\/bookings/);
    const calls = spans.filter((s) => s.service === 'search');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.parentSpanId).toBe(booking.spanId);
  });

  test("When a chat message starts a plan, then the plan's Socket.IO events carry the message's trace id", () => {
    expect(watched.seen.planTraceId).toMatch(/^[0-9a-f]{32}$/);
    expect(watched.seen.acceptedTraceIds).toContain(watched.seen.planTraceId);
  });

  test('When every log line of the run is scanned, then no password, card number, access token or service credential is in it', async () => {
    const dataDir = join(watched.logDir, '..');
    const serviceToken = (await readFile(join(dataDir, 'internal', 'service-token'))).toString('base64url');
    const lines = await readLogDir(watched.logDir);
    expect(lines.length).toBeGreaterThan(100);
    const text = lines.map((l) => JSON.stringify(l.fields)).join('\n');
    const secrets: [string, RegExp][] = [
      ['password', /correct horse battery staple/],
      ['card number', /4242424242424242|4000000000000002/],
      ['access token', /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/],
      ['service credential', new RegExp(serviceToken)],
    ];
    expect(secrets.filter(([, pattern]) => pattern.test(text)).map(([name]) => name)).toEqual([]);
  });
});

describe('Prometheus and Alertmanager watching the whole stack', () => {
  test("When promtool lints each process's /metrics, then it flags only prom-client's three gauges named _total", async () => {
    for (const proc of watched.stack.processes) {
      const text = await (await fetch(proc.metricsUrl)).text();
      const result = await runTool('promtool', ['check', 'metrics'], { input: text });
      const problems = `${result.stdout}${result.stderr}`.trim().split('\n').filter(Boolean).sort();
      expect(problems, proc.name).toEqual(PROM_CLIENT_LINT);
    }
  });

  test('When Prometheus scrapes, then every process is a target and every target is up', async () => {
    type Targets = { activeTargets: { labels: { job: string }; health: string; lastError: string }[] };
    const targets = await eventually(
      async () => {
        const { activeTargets } = await prometheus<Targets>('targets');
        return activeTargets.length === PROCESSES.length && activeTargets.every((t) => t.health === 'up')
          ? activeTargets
          : undefined;
      },
      30_000,
      'every target up',
    );
    expect(targets.map((t) => t.labels.job).sort()).toEqual([...PROCESSES].sort());
  });

  test('When Prometheus evaluates every recording and alerting rule, then none fails', async () => {
    type Rules = { groups: { name: string; rules: { name: string; health: string; lastError?: string }[] }[] };
    const { groups } = await prometheus<Rules>('rules');
    const rules = groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.filter((r) => r.health !== 'ok').map((r) => `${r.name}: ${r.health} ${r.lastError ?? ''}`)).toEqual(
      [],
    );
  });

  test('When a cause alert fires while its service is down, Alertmanager holds it back; and a ticket while the same alert pages', async () => {
    const alert = (labels: Record<string, string>) => ({
      labels: { environment: ENVIRONMENT, ...labels },
      annotations: { summary: 'synthetic, from the live monitoring test' },
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 300_000).toISOString(),
    });
    const posted = await fetch(`${watched.monitoring.alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        alert({ alertname: 'TripwiseServiceDown', service: 'inhibition-a', severity: 'page', kind: 'cause' }),
        alert({ alertname: 'TripwiseHighErrorRatio', service: 'inhibition-a', severity: 'ticket', kind: 'cause' }),
        alert({ alertname: 'TripwiseHighErrorRatio', service: 'inhibition-b', severity: 'ticket', kind: 'cause' }),
        alert({
          alertname: 'SearchLatencyBudgetBurn',
          slo: 'inhibition-slo',
          service: 'inhibition-a',
          severity: 'page',
          kind: 'slo',
        }),
        alert({
          alertname: 'SearchLatencyBudgetBurn',
          slo: 'inhibition-slo',
          service: 'inhibition-a',
          severity: 'ticket',
          kind: 'slo',
        }),
      ]),
    });
    expect(posted.status).toBe(200);
    type Alert = { labels: Record<string, string>; status: { state: string } };
    const states = await eventually(
      async () => {
        const alerts = (await (await fetch(`${watched.monitoring.alertmanager.url}/api/v2/alerts`)).json()) as Alert[];
        const mine = alerts.filter((a) => a.labels.service?.startsWith('inhibition-'));
        if (mine.length < 5) return undefined;
        return Object.fromEntries(
          mine.map((a) => [`${a.labels.alertname} ${a.labels.service} ${a.labels.severity}`, a.status.state]),
        );
      },
      10_000,
      'the synthetic alerts',
    );
    expect(states).toEqual({
      'TripwiseServiceDown inhibition-a page': 'active',
      'TripwiseHighErrorRatio inhibition-a ticket': 'suppressed',
      'TripwiseHighErrorRatio inhibition-b ticket': 'active',
      'SearchLatencyBudgetBurn inhibition-a page': 'active',
      'SearchLatencyBudgetBurn inhibition-a ticket': 'suppressed',
    });
  });

  test('When the booking service is killed, then its TripwiseServiceDown page reaches the webhook through Alertmanager', async () => {
    const booking = watched.stack.processes.find((p) => p.name === 'booking')!;
    booking.child.kill('SIGKILL');
    await booking.exited;
    // The gateway now answers for it (the "gateway's own failed answers" panels read these).
    const answered = await fetch(`${watched.stack.gatewayUrl}/api/bookings/ready`);
    expect(answered.status).toBe(503);
    const notification = await watched.monitoring.webhook.waitFor(
      (n) =>
        n.receiver === 'page' &&
        n.status === 'firing' &&
        n.alerts.some((a) => a.labels.alertname === 'TripwiseServiceDown' && a.labels.service === 'booking'),
      60_000,
    );
    const alert = notification.alerts.find((a) => a.labels.service === 'booking')!;
    expect(alert.labels).toMatchObject({ job: 'booking', severity: 'page', kind: 'cause', environment: ENVIRONMENT });
    expect(alert.annotations.runbook_url).toBe('monitoring/runbooks/TripwiseServiceDown.md');
  }, 90_000);

  test('When the alerts and SLOs read a metric, then Prometheus has it by now, unless it is listed as still to be added', async () => {
    const names = new Set(await prometheus<string[]>('label/__name__/values'));
    const exprs = [
      ...CAUSE_ALERTS.flatMap((a) => a.rules.map((r) => r.expr)),
      ...SLOS.map((slo) => `${slo.sli.bad('5m')} ${slo.sli.total('5m')}`),
    ];
    const read = new Set(
      exprs.flatMap((expr) => [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{[]/g)].map((m) => m[1]!)),
    );
    const awaited = new Set(exprs.flatMap(awaitedMetricsIn));
    // The blackbox exporter's probe_* series come from probing an edge, which this stack has not: edge-probe.test.ts.
    const missing = [...read].filter((name) => !names.has(name) && !awaited.has(name) && !name.startsWith('probe_'));
    expect(read.size).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  test('When every dashboard panel query runs over the test, then each returns data, but for the queries listed as awaiting a metric, which return none', async () => {
    await probeReadiness(watched.stack.processes.filter((p) => p.name !== 'booking').map((p) => p.url));
    await sleep(2_000);
    const awaiting = new Set(PANEL_QUERIES_AWAITING_METRICS);
    const end = String(Date.now() / 1000);
    const problems: string[] = [];
    type Matrix = { result: { metric: Record<string, string>; values: [number, string][] }[] };
    for (const board of DASHBOARDS) {
      for (const panel of board.panels) {
        if (!('targets' in panel)) continue;
        for (const target of panel.targets as { refId: string; expr: string }[]) {
          const key = `${board.uid} / ${String(panel.title)} / ${target.refId}`;
          // With a scrape a second, Grafana's $__rate_interval would be at least 4 s; 10 s keeps a few samples.
          const query = target.expr.replaceAll('$__rate_interval', '10s');
          const { result } = await prometheus<Matrix>('query_range', {
            query,
            start: String(watched.startedAt),
            end,
            step: '1',
          });
          const finite = result.some((series) => series.values.some(([, value]) => Number.isFinite(Number(value))));
          if (awaiting.has(key) && result.length > 0) {
            problems.push(`${key}: returns data now, remove it from awaiting.ts`);
          }
          if (!awaiting.has(key) && !finite) problems.push(`${key}: no data (${result.length} series)`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
