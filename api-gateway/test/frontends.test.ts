import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenAGateway, givenBuiltFrontends, type RunningGateway } from './given-a-gateway.ts';

let gateway: RunningGateway;
const BUNDLE = `export const app = ${JSON.stringify('Tripwise '.repeat(400))};`;
beforeAll(async () => {
  const dirs = await givenBuiltFrontends();
  // As the build leaves a hashed bundle: beside it, its brotli and gzip copies.
  const bundle = join(dirs.webClient, 'assets', 'index-Bx9.js');
  await writeFile(bundle, BUNDLE);
  await writeFile(`${bundle}.br`, brotliCompressSync(BUNDLE));
  await writeFile(`${bundle}.gz`, gzipSync(BUNDLE));
  gateway = await givenAGateway({
    SERVE_FRONTENDS: true,
    WEB_CLIENT_DIST: dirs.webClient,
    ADMIN_PORTAL_DIST: dirs.adminPortal,
  });
});
afterAll(() => gateway.close());

const get = (path: string, accept = 'text/html') =>
  fetch(`${gateway.url}${path}`, { headers: { accept }, redirect: 'manual' });

describe('gateway serving the built frontends (embedded mode)', () => {
  test.each([
    ['/', '<title>Tripwise</title>'],
    ['/flights/BOS-DEN/2026-12-04', '<title>Tripwise</title>'],
    ['/admin/', '<title>Tripwise admin</title>'],
    ['/admin/listings/42', '<title>Tripwise admin</title>'],
  ])('When a browser opens %s, then it gets the right SPA, never cached, with a strict CSP', async (path, title) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(title);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // nginx sets HSTS, in one place
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('When a hashed asset is requested, then it is cached for a year', async () => {
    const res = await get('/assets/app-abc123.js', '*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/admin/assets/app-abc123.js', '*/*')).status).toBe(200);
  });

  test.each([
    ['br, gzip, deflate', 'br'],
    ['gzip', 'gzip'],
  ])(
    'When a browser taking %s asks for a hashed bundle, then it gets the build’s %s copy, cached for a year',
    async (acceptEncoding, encoding) => {
      const res = await fetch(`${gateway.url}/assets/index-Bx9.js`, { headers: { 'accept-encoding': acceptEncoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(await res.text()).toBe(BUNDLE); // fetch undoes the encoding: the very bundle
    },
  );

  test('When a browser takes no compression, then the bundle comes as it is', async () => {
    const res = await fetch(`${gateway.url}/assets/index-Bx9.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(BUNDLE);
  });

  test('When /admin is opened without the slash, then it redirects to /admin/', async () => {
    const res = await get('/admin');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/admin/');
  });

  test.each(['/api/nothing', '/assets/missing-old-hash.js', '/admin/assets/gone.css'])(
    'When %s does not exist, then it is a 404 or 401 problem, not the SPA page',
    async (path) => {
      const res = await get(path, 'text/html,*/*');
      expect([401, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    },
  );
});
