import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createService, initSentry } from '@tripwise/platform/http';
import { currentRequestContext } from '@tripwise/platform/logger';
import { captureLogs, listen, type TestServer } from '@tripwise/platform/testing';

// A stand-in for Sentry's ingestion endpoint: it records the envelopes the SDK posts over real HTTP.
let ingest: TestServer;
const envelopes: string[] = [];

beforeAll(async () => {
  ingest = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      envelopes.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
});
afterAll(() => ingest.close());

describe('initSentry', () => {
  test('When no DSN is configured, then Sentry is not started', async () => {
    const reporter = await initSentry({
      dsn: undefined,
      service: 'x',
      environment: 'test',
      logger: captureLogs().logger,
    });
    expect(reporter).toBeUndefined();
  });

  test('When a DSN is configured, then a 500 is reported with its stack and without credentials', async () => {
    const { logger } = captureLogs('bookings');
    const reporter = await initSentry({
      dsn: `http://publickey@127.0.0.1:${ingest.port}/42`,
      service: 'bookings',
      environment: 'test',
      logger,
    });
    expect(reporter).toBeDefined();
    const { app } = createService({
      name: 'bookings',
      logger,
      errorReporter: reporter!,
      routes: (a) => {
        a.get('/fail', () => {
          throw new Error('saga step confirm-hold failed');
        });
        a.get('/missing', (_req, res) => {
          res.status(404).end();
        });
      },
    });
    await request(app).get('/missing');
    const res = await request(app).get('/fail').set('authorization', 'Bearer very-secret-access-token');
    expect(res.status).toBe(500);
    await reporter!.flush(5_000);

    const events = envelopes.filter((e) => e.includes('"exception"'));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('saga step confirm-hold failed');
    expect(events[0]).toContain('"server_name":"bookings"');
    expect(events[0]).toContain('"stacktrace"');
    expect(envelopes.join('\n')).not.toContain('very-secret-access-token');
  });

  test('When a signed-in request fails, then its event carries release, environment, request, trace and user ids, and no personal data', async () => {
    const { logger } = captureLogs('bookings');
    const reporter = await initSentry({
      dsn: `http://publickey@127.0.0.1:${ingest.port}/42`,
      service: 'bookings',
      environment: 'staging',
      release: 'tripwise@0123abc',
      logger,
    });
    const { app } = createService({
      name: 'bookings',
      logger,
      errorReporter: reporter!,
      routes: (a) => {
        a.post('/pay', () => {
          // What the token check does for a signed-in caller.
          currentRequestContext()!.userId = 'user-7f3a';
          throw new Error('payment failed at the processor');
        });
      },
    });
    const res = await request(app)
      .post('/pay')
      .set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
      .send({ email: 'grace@example.com', card: '4242424242424242' });
    expect(res.status).toBe(500);
    await reporter!.flush(5_000);
    const event = envelopes.find((e) => e.includes('payment failed'));
    expect(event).toBeDefined();
    expect(event).toContain('"release":"tripwise@0123abc"');
    expect(event).toContain('"environment":"staging"');
    expect(event).toContain(`"request_id":"${res.headers['x-request-id']}"`);
    expect(event).toContain('"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"');
    expect(event).toContain('"user_id":"user-7f3a"');
    expect(event).not.toContain('4242424242424242');
    expect(event).not.toContain('grace@example.com');
    expect(event).not.toMatch(/"ip_address"|"cookies"/);
  });

  test('When a promise is rejected with nobody listening, then it is reported once', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/rejecting-service.ts', import.meta.url));
    const child = fork(fixture, [`http://publickey@127.0.0.1:${ingest.port}/43`], { stdio: 'ignore' });
    const [message] = (await once(child, 'message')) as [{ port: number }];
    expect((await fetch(`http://127.0.0.1:${message.port}/forget`)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    const reported = envelopes.filter((e) => e.includes('a forgotten promise rejected') && e.includes('"exception"'));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('"release":"tripwise@test-commit"');
  });
});
