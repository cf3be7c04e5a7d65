import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createService, documentedRouter } from '@tripwise/platform/http';
import { captureLogs, listen, type TestServer } from '@tripwise/platform/testing';
import { givenAGateway, type RunningGateway } from './given-a-gateway.ts';

// A service documenting its routes the way every Tripwise service does (the platform's documented router).
async function startDocumentedService(): Promise<TestServer> {
  const docs = documentedRouter('sessions');
  docs.route(
    {
      method: 'post',
      path: '/login',
      access: 'public',
      summary: 'Sign in',
      body: z.object({ email: z.email(), password: z.string() }),
      responses: { 200: 'Signed in' },
    },
    (_input, _req, res) => void res.json({}),
  );
  docs.route(
    { method: 'get', path: '/admin/users', access: 'admin', summary: 'Users', responses: { 200: 'Users' } },
    (_input, _req, res) => void res.json({}),
  );
  docs.route(
    {
      method: 'delete',
      path: '/sessions/:id',
      access: 'user',
      summary: 'End a session',
      params: z.object({ id: z.uuid() }),
      responses: { 204: 'Ended' },
    },
    (_input, _req, res) => void res.status(204).end(),
  );
  const { app } = createService({
    name: 'auth',
    logger: captureLogs().logger,
    access: { verify: async () => Promise.reject(new Error('no calls are made with a token here')) },
    openApi: { path: '/api/auth/openapi.json', title: 'auth' },
    mounts: [{ prefix: '/api/auth', router: docs }],
  });
  return listen(app);
}

let auth: TestServer;
let gateway: RunningGateway;
beforeAll(async () => {
  auth = await startDocumentedService();
  gateway = await givenAGateway({ AUTH_URL: auth.url }); // search, booking and the agent are not running
});
afterAll(async () => {
  await gateway.close();
  await auth.close();
});

describe('GET /api/docs', () => {
  test('When the docs are asked for, then the services that answer are merged into one OpenAPI 3.1 document', async () => {
    const res = await fetch(`${gateway.url}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-access': string; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login']?.post).toMatchObject({ 'x-access': 'public', requestBody: expect.anything() });
    expect(doc.paths['/api/auth/admin/users']?.get?.['x-access']).toBe('admin');
    expect(doc.paths['/api/auth/sessions/{id}']?.delete?.['x-access']).toBe('user');
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/') || p.startsWith('/internal/'))).toBe(true);
  });

  test('When a person opens /api/docs, then the viewer loads from our own origin with no inline script', async () => {
    const page = await fetch(`${gateway.url}/api/docs`);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<script src="/api/docs/ui/swagger-ui-bundle.js"></script>');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const bundle = await fetch(`${gateway.url}/api/docs/ui/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect(await (await fetch(`${gateway.url}/api/docs/init.js`)).text()).toContain("url: '/api/docs/openapi.json'");
  });
});
