import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createService, jsonNestingDepth, MAX_JSON_DEPTH } from '@tripwise/platform/http';
import { captureLogs } from '@tripwise/platform/testing';

const PROBLEM = 'application/problem+json';

function givenAService() {
  const logs = captureLogs('orders');
  const service = createService({
    name: 'orders',
    logger: logs.logger,
    bodyLimit: '100kb',
    routes: (app) => {
      app.get('/api/orders/items/:id', (req, res) => {
        res.json({ id: req.params.id });
      });
      app.post('/api/orders/items', (req, res) => {
        res.status(201).json({ received: JSON.stringify(req.body).length });
      });
    },
  });
  return { ...service, logs };
}

const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

describe('createService: hostile input', () => {
  test('When a path has malformed percent-encoding, then it answers 400 problem+json, never 500', async () => {
    const { app, metrics } = givenAService();
    for (const path of ['/api/orders/items/%FF%FE', '/api/orders/items/%E0%A4%A', '/api/orders/%', '/api/%zz/items']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(JSON.parse(res.text)).toMatchObject({ type: '/problems/malformed-uri', status: 400 });
    }
    expect(await metrics.registry.metrics()).toMatch(/^errors_total{service="orders"} 0$/m);
  });

  test('When a path is encoded properly, then the route gets it decoded', async () => {
    const res = await request(givenAService().app).get('/api/orders/items/caf%C3%A9');
    expect(res.body).toEqual({ id: 'café' });
  });

  test(`When a JSON body nests deeper than ${MAX_JSON_DEPTH} levels, then it is a 400 naming the bound, before parsing`, async () => {
    const { app } = givenAService();
    const res = await request(app)
      .post('/api/orders/items')
      .set('content-type', 'application/json')
      .send(nested(10_000));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({
      type: '/problems/too-deeply-nested',
      detail: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`,
    });
    const fine = await request(app)
      .post('/api/orders/items')
      .set('content-type', 'application/json')
      .send(nested(MAX_JSON_DEPTH));
    expect(fine.status).toBe(201);
  });

  test('When brackets sit inside strings, then they do not count as nesting', () => {
    const text = JSON.stringify({ note: '[[[[{{{{ "\\" ]]]] \\\\', list: [[1], { a: [2] }] });
    expect(jsonNestingDepth(Buffer.from(text))).toBe(4); // the object, list, {a}, [2]
  });
});
