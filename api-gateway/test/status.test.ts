import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '@tripwise/platform/testing';
import { givenAGateway, startEchoUpstream, type RunningGateway } from './given-a-gateway.ts';

// Four real services (stand-ins answering /ready) behind a real gateway; the test stops and restarts them.
const NAMES = ['auth', 'search', 'booking', 'ai-agent'] as const;
const upstreams = {} as Record<(typeof NAMES)[number], TestServer>;
let gateway: RunningGateway;

beforeAll(async () => {
  for (const name of NAMES) upstreams[name] = await startEchoUpstream(name);
  gateway = await givenAGateway({
    AUTH_URL: upstreams.auth.url,
    SEARCH_URL: upstreams.search.url,
    BOOKING_URL: upstreams.booking.url,
    AI_AGENT_URL: upstreams['ai-agent'].url,
  });
});
afterAll(async () => {
  await gateway.close();
  for (const server of Object.values(upstreams)) await server.close().catch(() => undefined);
});

type Report = { capabilities: { id: string; status: string }[]; incidents: Record<string, unknown>[] };
async function report(): Promise<Report> {
  await gateway.checkStatus();
  return (await (await fetch(`${gateway.url}/status.json`)).json()) as Report;
}
const statuses = (r: Report) => Object.fromEntries(r.capabilities.map((c) => [c.id, c.status]));

describe('the status page', () => {
  test('When every service is ready, then /status shows each capability operational, as HTML without any script', async () => {
    expect(statuses(await report())).toEqual({
      'sign-in': 'operational',
      search: 'operational',
      booking: 'operational',
      'ai-planning': 'operational',
      'live-updates': 'operational',
    });
    const res = await fetch(`${gateway.url}/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('All systems operational');
    expect(html.match(/data-status="operational"/g)).toHaveLength(5);
    expect(html).toContain('No incidents in the last seven days.');
  });

  test('When the booking service is stopped, then booking is down, the rest operational, and an incident is open', async () => {
    await upstreams.booking.close();
    const r = await report();
    expect(statuses(r)).toMatchObject({ booking: 'down', 'sign-in': 'operational', search: 'operational' });
    expect(r.incidents[0]).toMatchObject({ capability: 'booking', status: 'down' });
    expect(r.incidents[0]).not.toHaveProperty('endedAt');
    const html = await (await fetch(`${gateway.url}/status`)).text();
    expect(html).toContain('Something is down');
    expect(html).toMatch(/<th scope="row">Booking<\/th><td data-status="down"/);
    expect(html).toMatch(/<strong>Booking<\/strong> down: since <time/);
  });

  test('When search is stopped too, then booking and AI planning, which lean on it, are degraded or down', async () => {
    await upstreams.search.close();
    expect(statuses(await report())).toMatchObject({
      search: 'down',
      booking: 'down',
      'ai-planning': 'degraded',
      'live-updates': 'operational',
    });
  });

  test('When both come back, then everything is operational again and the incidents are closed', async () => {
    upstreams.booking = await startEchoUpstream('booking', upstreams.booking.port);
    upstreams.search = await startEchoUpstream('search', upstreams.search.port);
    const r = await report();
    expect(new Set(Object.values(statuses(r)))).toEqual(new Set(['operational']));
    expect(r.incidents.length).toBeGreaterThanOrEqual(3);
    for (const incident of r.incidents) expect(incident.endedAt).toEqual(expect.any(String));
    expect(await (await fetch(`${gateway.url}/status`)).text()).toMatch(
      /<strong>Booking<\/strong> down: <time[^>]*>.*<\/time> to <time/,
    );
  });
});
