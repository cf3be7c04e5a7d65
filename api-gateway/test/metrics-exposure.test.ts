import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenAGateway, givenBuiltFrontends, type RunningGateway } from './given-a-gateway.ts';

// The gateway's port is the public one: its metrics are served on METRICS_PORT (the operator's network) only.
let gateway: RunningGateway;
beforeAll(async () => {
  const dist = await givenBuiltFrontends();
  gateway = await givenAGateway({
    SERVE_FRONTENDS: true,
    WEB_CLIENT_DIST: dist.webClient,
    ADMIN_PORTAL_DIST: dist.adminPortal,
  });
});
afterAll(async () => gateway.close());

describe("the gateway's metrics are not public", () => {
  test.each(['/metrics', '/metrics/', '/METRICS', '/api/metrics', '/metrics?format=prometheus'])(
    'When %s is asked of the public port, then no Prometheus text comes back',
    async (path) => {
      const res = await fetch(`${gateway.url}${path}`, { headers: { accept: 'text/plain' } });
      expect(await res.text()).not.toContain('# TYPE');
      expect(res.headers.get('content-type') ?? '').not.toContain('version=0.0.4');
    },
  );

  test('When the registry is read (as the metrics port serves it), then the gateway metrics are there', async () => {
    expect(await gateway.metrics()).toContain('# TYPE gateway_websocket_upgrades_total counter');
  });
});
