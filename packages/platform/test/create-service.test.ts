import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AppError, parseInput } from '@tripwise/platform/errors';
import { createService } from '@tripwise/platform/http';
import { REDACTED } from '@tripwise/platform/logger';
import { captureLogs } from '@tripwise/platform/testing';

const itemSchema = z.object({ name: z.string().min(1), quantity: z.number().int().positive() });

function givenAService(readiness: Record<string, () => Promise<void>> = {}) {
  const logs = captureLogs('orders');
  const service = createService({
    name: 'orders',
    logger: logs.logger,
    bodyLimit: '1kb',
    readiness,
    publicPrefixes: ['/api/orders'],
    routes: (app) => {
      app.get('/api/orders/items/:id', (req, res) => {
        logs.logger.info('looking up an item', { headers: req.headers });
        res.json({ id: req.params.id });
      });
      app.post('/api/orders/items', (req, res) => {
        const item = parseInput(itemSchema, req.body, 'body');
        res.status(201).json(item);
      });
      app.get('/api/orders/boom', () => {
        throw new Error('database password is hunter2 at /srv/app/src/db.ts:42');
      });
      app.get('/api/orders/async-boom', async () => {
        await Promise.resolve();
        throw new TypeError('cannot read properties of undefined');
      });
      app.get('/api/orders/conflict', () => {
        throw new AppError('item-sold-out', 409, 'Conflict', {
          detail: 'The last room was just booked.',
          // An extension member may not overwrite the standard ones.
          extensions: { alternatives: ['room-2'], status: 200 },
        });
      });
    },
  });
  return { ...service, logs };
}

const PROBLEM = 'application/problem+json';

describe('createService: errors', () => {
  test('When no route matches, then it answers 404 problem+json carrying the request id', async () => {
    const { app } = givenAService();
    const res = await request(app).get('/api/orders/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(JSON.parse(res.text)).toEqual({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No route matches GET /api/orders/nowhere.',
      instance: '/api/orders/nowhere',
      requestId: res.headers['x-request-id'],
    });
  });

  test('When a handler throws, then the 500 reveals no message, path or stack, and the log keeps them', async () => {
    const { app, logs, metrics } = givenAService();
    for (const path of ['/api/orders/boom', '/api/orders/async-boom']) {
      const res = await request(app).get(path).set('authorization', 'Bearer secret-token-value');
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toContain(PROBLEM);
      const body = JSON.parse(res.text) as Record<string, unknown>;
      expect(body).toMatchObject({ type: '/problems/internal-error', title: 'Internal server error', status: 500 });
      expect(res.text).not.toMatch(/hunter2|db\.ts|stack|undefined|at /);
      expect(body.requestId).toBe(res.headers['x-request-id']);
    }
    const errorLine = logs.lines().find((l) => l.level === 'error');
    expect(errorLine).toMatchObject({ message: 'request failed', service: 'orders' });
    expect(JSON.stringify(errorLine)).toContain('db.ts:42');
    expect(JSON.stringify(errorLine)).not.toContain('secret-token-value');
    expect(await metrics.registry.getSingleMetricAsString('errors_total')).toMatch(
      /errors_total\{service="orders"\} 2/,
    );
  });

  test('When a use case throws an AppError, then its status, code, detail and extension members reach the client', async () => {
    const res = await request(givenAService().app).get('/api/orders/conflict');
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text)).toMatchObject({
      type: '/problems/item-sold-out',
      status: 409,
      detail: 'The last room was just booked.',
      alternatives: ['room-2'],
    });
  });

  test('When the body fails validation, then the 400 names every bad field', async () => {
    const res = await request(givenAService().app).post('/api/orders/items').send({ name: '', quantity: 1.5 });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as { errors: unknown[]; detail: string };
    expect(body).toMatchObject({ type: '/problems/invalid-request', status: 400 });
    expect(body.detail).toMatch(/^name \(body\): /);
    expect(body.errors).toEqual([
      { in: 'body', field: 'name', message: expect.any(String) },
      { in: 'body', field: 'quantity', message: expect.any(String) },
    ]);
  });

  test('When the body is malformed JSON, then it answers 400 malformed-json, not 500', async () => {
    const res = await request(givenAService().app)
      .post('/api/orders/items')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({
      type: '/problems/malformed-json',
      detail: 'The request body is not valid JSON.',
    });
  });

  test('When the body is larger than the limit, then it answers 413', async () => {
    const res = await request(givenAService().app)
      .post('/api/orders/items')
      .send({ name: 'x'.repeat(2_000), quantity: 1 });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
  });

  test('When a valid body arrives, then the route answers normally', async () => {
    const res = await request(givenAService().app).post('/api/orders/items').send({ name: 'soap', quantity: 2 });
    expect(res).toMatchObject({ status: 201, body: { name: 'soap', quantity: 2 } });
  });
});

describe('createService: request ids and logs', () => {
  test('When the caller sends a well-formed X-Request-Id, then it is kept; a malformed one is replaced', async () => {
    const { app } = givenAService();
    const kept = await request(app).get('/api/orders/items/1').set('x-request-id', 'edge-1234abcd');
    expect(kept.headers['x-request-id']).toBe('edge-1234abcd');
    const replaced = await request(app).get('/api/orders/items/1').set('x-request-id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('When a handler logs during a request, then the line carries the request id and a redacted authorization', async () => {
    const { app, logs } = givenAService();
    const res = await request(app)
      .get('/api/orders/items/42')
      .set('authorization', 'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.sig')
      .set('cookie', 'rt=abc');
    const line = logs.lines().find((l) => l.message === 'looking up an item');
    expect(line).toMatchObject({
      service: 'orders',
      requestId: res.headers['x-request-id'],
      headers: { authorization: REDACTED, cookie: REDACTED },
    });
    expect(JSON.stringify(logs.lines())).not.toContain('eyJhbGci');
  });

  test('When a request finishes, then one access line records method, route template, status and duration', async () => {
    const { app, logs } = givenAService();
    const res = await request(app).get('/api/orders/items/42?email=a@b.test');
    const access = logs.lines().find((l) => l.message === 'request');
    expect(access).toMatchObject({
      method: 'GET',
      route: '/api/orders/items/:id',
      status: 200,
      requestId: res.headers['x-request-id'],
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(access)).not.toContain('a@b.test');
  });
});

describe('createService: health, readiness and metrics', () => {
  test('When the process is up, then /health answers at the root and under the public prefix', async () => {
    const { app } = givenAService();
    for (const path of ['/health', '/api/orders/health']) {
      expect(await request(app).get(path)).toMatchObject({ status: 200, body: { status: 'ok', service: 'orders' } });
    }
  });

  test('When every dependency answers, then /ready is 200 and lists the checks', async () => {
    const { app } = givenAService({ database: async () => undefined, kv: async () => undefined });
    const res = await request(app).get('/api/orders/ready');
    expect(res).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', kv: 'ok' } } });
  });

  test('When a dependency fails, then /ready is 503 problem+json naming it and hiding its error', async () => {
    const { app } = givenAService({
      database: async () => {
        throw new Error('connect ECONNREFUSED postgres://admin:pw@db');
      },
      kv: async () => undefined,
    });
    const res = await request(app).get('/ready');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(JSON.parse(res.text)).toMatchObject({
      type: '/problems/not-ready',
      detail: 'Not ready: database.',
      checks: { database: 'failed', kv: 'ok' },
    });
    expect(res.text).not.toContain('admin:pw');
  });

  test('When the service begins shutting down, then /ready turns 503 and responses ask to close the connection', async () => {
    const service = givenAService();
    service.beginShutdown();
    const res = await request(service.app).get('/ready');
    expect(res.status).toBe(503);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.text)).toMatchObject({ detail: 'The service is shutting down.' });
  });

  test('When requests were served, then /metrics shows the histogram by route template, never the raw path', async () => {
    const { app } = givenAService();
    await request(app).get('/api/orders/items/123');
    await request(app).get('/api/orders/items/456');
    await request(app).get('/api/orders/no/such/path/789');
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain(
      'http_request_duration_seconds_count{service="orders",method="GET",route="/api/orders/items/:id",status_code="200"} 2',
    );
    expect(res.text).toContain('route="unmatched",status_code="404"');
    expect(res.text).not.toMatch(/route="[^"]*(123|456|789)/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toContain('nodejs_eventloop_lag_seconds');
  });
});
