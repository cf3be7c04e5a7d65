import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createService, initSentry } from '@tripwise/platform/http';
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
});
