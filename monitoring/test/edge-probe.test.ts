import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen, type TestServer } from '@tripwise/platform/testing';
import { startLocalMonitoring, type LocalMonitoring } from '../src/runtime/local-monitoring.ts';
import { findTool } from '../src/runtime/tools.ts';
import { PROCESSES, type ProcessName } from '../src/prometheus/targets.ts';
import { NGINX_BINARY, ensureLocalCertificate, startNginx } from '../../scripts/stack/nginx.ts';
import { QUICK_ALERT_TIMINGS, freePort } from './watched-stack.ts';

// The edge as a browser reaches it: the real nginx with a certificate from a local CA, probed by Debian's blackbox
// exporter through Prometheus's `edge` job, as compose and Kubernetes probe the public site. What
// TripwiseEdgeCertificateExpiry reads must be the certificate's real expiry, and a stopped edge must read as failing.
const tools = Boolean(NGINX_BINARY && findTool('prometheus') && findTool('alertmanager') && findTool('blackbox'));

describe.skipIf(!tools)('the edge, probed from outside', () => {
  let dir: string;
  let gateway: TestServer;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let monitoring: LocalMonitoring;
  let certificate: X509Certificate;
  let target: string;

  async function query(expr: string): Promise<number[]> {
    const url = `${monitoring.prometheus.url}/api/v1/query?${new URLSearchParams({ query: expr }).toString()}`;
    const body = (await (await fetch(url)).json()) as { data: { result: { value: [number, string] }[] } };
    return body.data.result.map((r) => Number(r.value[1]));
  }
  async function eventually(expr: string, expected: (values: number[]) => boolean): Promise<number[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const values = await query(expr);
      if (expected(values) || Date.now() > deadline) return values;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tw-edge-probe-'));
    const certs = ensureLocalCertificate(join(dir, 'certs'));
    certificate = new X509Certificate(await readFile(certs.cert));
    // The page a browser opens first; the gateway behind is a stand-in (the probe never gets past the page).
    const web = join(dir, 'web');
    await mkdir(web);
    await writeFile(join(web, 'index.html'), '<!doctype html><title>Tripwise</title>');
    await chmod(dir, 0o755); // nginx's workers run as another user: they must be able to read the page
    await chmod(web, 0o755);
    await chmod(join(web, 'index.html'), 0o644);
    gateway = await listen((_req, res) => res.end('ok'));
    const httpsPort = await freePort();
    nginx = await startNginx({
      runtimeDir: join(dir, 'nginx'),
      gateway: `127.0.0.1:${gateway.port}`,
      httpPort: await freePort(),
      httpsPort,
      cert: certs.cert,
      key: certs.key,
      webRoot: web,
      adminRoot: web,
    });
    target = `https://localhost:${httpsPort}/`;
    const ports = Object.fromEntries(await Promise.all(PROCESSES.map(async (p) => [p, await freePort()]))) as Record<
      ProcessName,
      number
    >;
    monitoring = await startLocalMonitoring({
      dir: join(dir, 'monitoring'),
      ports,
      prometheusPort: await freePort(),
      alertmanagerPort: await freePort(),
      interval: '1s',
      timings: QUICK_ALERT_TIMINGS,
      environment: 'edge-probe-test',
      edge: { targets: [target], caFile: certs.ca, blackboxPort: await freePort() },
    });
  }, 120_000);

  afterAll(async () => {
    await monitoring?.stop();
    await nginx?.stop();
    await gateway?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("When the edge answers over TLS, then the probe succeeds and reports the certificate's real expiry", async () => {
    const succeeded = await eventually(`probe_success{job="edge",instance="${target}"}`, (v) => v[0] === 1);
    // On failure, the exporter's own account of the probe says why.
    const debug = `${monitoring.blackbox!.url}/probe?${new URLSearchParams({ target, module: 'https_2xx', debug: 'true' }).toString()}`;
    expect(succeeded, await (await fetch(debug)).text()).toEqual([1]);
    const [expiry] = await query(`probe_ssl_earliest_cert_expiry{job="edge",instance="${target}"}`);
    // The chain's earliest expiry: the leaf's, or the local CA's if that ends first.
    const ca = new X509Certificate(await readFile(join(dir, 'certs', 'ca.pem')));
    const earliest = Math.min(Date.parse(certificate.validTo), Date.parse(ca.validTo)) / 1000;
    expect(expiry).toBe(earliest);
  }, 90_000);

  test('When the edge stops, then the probe fails', async () => {
    await nginx.stop();
    expect(await eventually(`probe_success{job="edge",instance="${target}"}`, (v) => v[0] === 0)).toEqual([0]);
  }, 90_000);
});
