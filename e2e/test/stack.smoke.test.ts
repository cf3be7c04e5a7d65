import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { linkIn, waitForMail } from '../browser/mail.ts';
import { flightBooking } from '../../deploy/test/support/traveler.ts';
import { givenAStack, type GivenStack } from './given-a-stack.ts';

// The whole product as separate processes, exactly as `npm start` runs it, on free ports and storage of its own.
let stack: GivenStack;
let lines: string[];

beforeAll(async () => {
  stack = await givenAStack('smoke');
  lines = stack.lines;
});

afterAll(async () => {
  await stack?.remove();
});

describe('the whole stack as separate processes', () => {
  test.each([
    ['auth', '/api/auth/ready'],
    ['search', '/api/search/ready'],
    ['search', '/api/listings/ready'],
    ['booking', '/api/bookings/ready'],
    ['ai-agent', '/api/ai/ready'],
  ])(
    'When %s is asked through the gateway (%s), then it is ready with its database and store',
    async (service, path) => {
      const res = await fetch(`${stack.gatewayUrl}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready', service, checks: { database: 'ok', kv: 'ok' } });
    },
  );

  test('When a traveler searches the seeded demo inventory through the gateway, then flights, hotels and cars come back', async () => {
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const get = async (path: string) => {
      const res = await fetch(`${stack.gatewayUrl}${path}`);
      expect(res.status).toBe(200);
      return (await res.json()) as { total: number; items: unknown[] };
    };
    expect((await get(`/api/search/flights?origin=NYC&destination=LAX&date=${inAWeek}`)).total).toBeGreaterThan(0);
    expect((await get(`/api/search/hotels?city=NYC&checkIn=${inAWeek}&checkOut=${inTenDays}`)).total).toBeGreaterThan(
      0,
    );
    expect(
      (await get(`/api/search/cars?location=LAX&pickupDate=${inAWeek}&dropoffDate=${inTenDays}`)).total,
    ).toBeGreaterThan(0);
  });

  test('When a traveler signs up, books a seeded flight through the gateway and cancels it, then each step answers as it should', async () => {
    const json = { 'content-type': 'application/json' };
    const email = `smoke-${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    await fetch(`${stack.gatewayUrl}/api/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password }),
    });
    // Booking needs a confirmed address: the link from the mail confirms it.
    const link = linkIn(
      await waitForMail(join(stack.dataDir, 'mail-outbox'), email, /confirm|verify/i),
      '/verify-email',
    );
    const verified = await fetch(`${stack.gatewayUrl}/api/auth/email/verify`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: new URL(link).hash.replace(/^#token=/, '') }),
    });
    expect(verified.ok).toBe(true);
    const login = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { ...json, authorization: `Bearer ${accessToken}` };
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const found = await fetch(`${stack.gatewayUrl}/api/search/flights?origin=NYC&destination=LAX&date=${inTwoWeeks}`);
    const flight = ((await found.json()) as { items: { id: string; price: { amount: number } }[] }).items[0]!;
    const booked = await fetch(`${stack.gatewayUrl}/api/bookings`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(flightBooking(flight, email)),
    });
    const body = (await booked.json()) as { id: string; status: string };
    expect(booked.status).toBe(201);
    expect(body.status).toBe('confirmed');
    const mine = await fetch(`${stack.gatewayUrl}/api/bookings?when=upcoming`, { headers });
    expect(((await mine.json()) as { items: { id: string }[] }).items.map((b) => b.id)).toEqual([body.id]);
    const cancelled = await fetch(`${stack.gatewayUrl}/api/bookings/${body.id}/cancel`, { method: 'POST', headers });
    expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled');
  });

  test('When the gateway itself is asked, then it is ready too', async () => {
    const res = await fetch(`${stack.gatewayUrl}/ready`);
    expect(await res.json()).toMatchObject({ status: 'ready', service: 'api-gateway' });
  });

  test('When each process is scraped, then /metrics serves Prometheus text with its service label', async () => {
    for (const proc of stack.processes) {
      const res = await fetch(proc.metricsUrl);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(text).toContain(`process_resident_memory_bytes{service="${proc.name}"}`);
    }
  });

  test("When the gateway's public port is asked for /metrics, then it answers no Prometheus text (only its metrics port does)", async () => {
    const gateway = stack.processes.find((p) => p.name === 'api-gateway')!;
    expect(gateway.metricsPort).not.toBe(gateway.port);
    for (const path of ['/metrics', '/api/metrics', '/metrics?x=1']) {
      expect(await (await fetch(`${stack.gatewayUrl}${path}`)).text(), path).not.toContain('# TYPE');
    }
  });

  test('When a browser opens the site, then the gateway serves the web client at / and the admin portal at /admin/', async () => {
    const home = await fetch(`${stack.gatewayUrl}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<title>Tripwise</title>');
    const admin = await fetch(`${stack.gatewayUrl}/admin/`, { headers: { accept: 'text/html' } });
    expect(await admin.text()).toContain('<title>Tripwise admin</title>');
  });

  test('When services log, then every line is JSON with the service name', () => {
    const started = lines.filter((l) => l.includes('"message":"listening"'));
    expect(started).toHaveLength(6);
    for (const line of started) {
      const [name, json] = [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)];
      expect(JSON.parse(json)).toMatchObject({ service: name, level: 'info' });
    }
  });

  test('When the stack is stopped, then every process drains and exits with code 0', async () => {
    const codes = await stack.stop();
    expect(codes).toEqual({ 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0, insights: 0 });
  });
});
