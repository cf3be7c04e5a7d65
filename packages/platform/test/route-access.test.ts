import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '@tripwise/platform/auth';
import { createService, documentedRouter, type RouteAccess } from '@tripwise/platform/http';
import { captureLogs, startTestIssuer, type TestIssuer } from '@tripwise/platform/testing';

const SERVICE_TOKEN = 'a-service-credential-of-at-least-32-chars';
let issuer: TestIssuer;

function givenAServiceWithOneRouteOf(access: RouteAccess, extra: { secondFactorSetup?: boolean } = {}) {
  const docs = documentedRouter('things');
  docs.route(
    {
      method: 'post',
      path: '/things/:id',
      access,
      ...extra,
      summary: 'A thing',
      params: z.object({ id: z.string().regex(/^\d+$/) }),
      responses: { 200: 'The thing' },
    },
    ({ params, identity }, _req, res) => {
      res.json({ id: params.id, caller: identity?.userId ?? null });
    },
  );
  const verify = createTokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
  return createService({
    name: 'things',
    logger: captureLogs('things').logger,
    access: { verify, serviceToken: SERVICE_TOKEN, isDenied: async (sid) => sid === 'revoked-session' },
    openApi: { path: '/api/things/openapi.json', title: 'Things' },
    mounts: [{ prefix: '/api', router: docs }],
  }).app;
}

beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(async () => {
  await issuer.close();
});

const as = async (role: 'traveler' | 'owner' | 'admin', amr = ['pwd'], sid?: string) =>
  `Bearer ${await issuer.sign({ sub: `${role}-1`, role, amr, ...(sid ? { sid } : {}) })}`;

describe('guards made from a route’s declared access', () => {
  test('When a user route is called, then anonymous is 401, a signed-in user gets in as themselves, and the answer is never cached', async () => {
    const app = givenAServiceWithOneRouteOf('user');
    expect((await request(app).post('/api/things/1')).status).toBe(401);
    const res = await request(app)
      .post('/api/things/1')
      .set('authorization', await as('traveler'));
    expect(res).toMatchObject({ status: 200, body: { id: '1', caller: 'traveler-1' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('When an owner route is called, then travelers are refused and owners and admins with a second factor get in', async () => {
    const app = givenAServiceWithOneRouteOf('owner');
    expect(
      (
        await request(app)
          .post('/api/things/1')
          .set('authorization', await as('traveler'))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(app)
          .post('/api/things/1')
          .set('authorization', await as('owner'))
      ).status,
    ).toBe(200);
    const admin = await as('admin', ['pwd', 'mfa']);
    expect((await request(app).post('/api/things/1').set('authorization', admin)).status).toBe(200);
  });

  test('When an admin signed in without a second factor calls anything but its set-up, then it is refused with mfa-required', async () => {
    const passwordOnly = await as('admin', ['pwd']);
    for (const access of ['user', 'owner', 'admin'] as const) {
      const res = await request(givenAServiceWithOneRouteOf(access))
        .post('/api/things/1')
        .set('authorization', passwordOnly);
      expect(res).toMatchObject({ status: 403, body: { type: '/problems/mfa-required' } });
    }
    const setup = givenAServiceWithOneRouteOf('user', { secondFactorSetup: true });
    expect((await request(setup).post('/api/things/1').set('authorization', passwordOnly)).status).toBe(200);
  });

  test('When an admin route is called, then only an admin with a second factor gets in', async () => {
    const app = givenAServiceWithOneRouteOf('admin');
    expect(
      (
        await request(app)
          .post('/api/things/1')
          .set('authorization', await as('owner'))
      ).status,
    ).toBe(403);
    const admin = await as('admin', ['pwd', 'mfa']);
    expect((await request(app).post('/api/things/1').set('authorization', admin)).status).toBe(200);
  });

  test('When a revoked session calls, then it is refused even though its token is still valid', async () => {
    const app = givenAServiceWithOneRouteOf('user');
    const token = await as('traveler', ['pwd'], 'revoked-session');
    const res = await request(app).post('/api/things/1').set('authorization', token);
    expect(res).toMatchObject({ status: 401, body: { type: '/problems/session-revoked' } });
  });

  test('When an internal route is called, then only the service credential gets in, not a user token', async () => {
    const app = givenAServiceWithOneRouteOf('internal');
    expect(
      (
        await request(app)
          .post('/api/things/1')
          .set('authorization', await as('admin', ['mfa']))
      ).status,
    ).toBe(401);
    const res = await request(app).post('/api/things/1').set('authorization', `Bearer ${SERVICE_TOKEN}`);
    expect(res).toMatchObject({ status: 200, body: { caller: null } });
  });

  test('When a public route is called with no token, then it answers, and the document states each route’s access', async () => {
    const app = givenAServiceWithOneRouteOf('public');
    expect((await request(app).post('/api/things/1')).status).toBe(200);
    const doc = await request(app).get('/api/things/openapi.json');
    expect(doc.body.paths['/api/things/{id}'].post).toMatchObject({ 'x-access': 'public', security: [] });
  });

  test('When a signed-in read is asked again with its ETag, then it is answered in full (never 304 from a cache)', async () => {
    const docs = documentedRouter('things');
    docs.route(
      { method: 'get', path: '/mine', access: 'user', summary: 'x', responses: { 200: 'x' } },
      (_i, _req, res) => {
        res.json({ mine: true });
      },
    );
    const verify = createTokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
    const app = createService({
      name: 'things',
      logger: captureLogs('things').logger,
      access: { verify },
      mounts: [{ prefix: '/api', router: docs }],
    }).app;
    const auth = await as('traveler');
    const first = await request(app).get('/api/mine').set('authorization', auth);
    const again = await request(app)
      .get('/api/mine')
      .set('authorization', auth)
      .set('if-none-match', first.headers.etag ?? '*');
    expect(again).toMatchObject({ status: 200, body: { mine: true } });
    expect(again.headers['cache-control']).toBe('no-store');
  });

  test('When a service declares a non-public route without an access policy, then it does not start', () => {
    const docs = documentedRouter('things');
    docs.route({ method: 'get', path: '/x', access: 'user', summary: 'x', responses: { 200: 'x' } }, () => undefined);
    expect(() =>
      createService({
        name: 'things',
        logger: captureLogs('things').logger,
        mounts: [{ prefix: '/api', router: docs }],
      }),
    ).toThrow(/no access policy/);
  });
});
