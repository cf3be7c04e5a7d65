import { z } from 'zod';
import { isSessionDenied } from '@tripwise/platform/auth';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { AuthDeps } from '../domain/auth-deps.ts';

/**
 * Public keys for verifiers, and the deny-list check for callers that do not share Redis. The second lives under
 * /internal, which the gateway never forwards: only processes on the private network reach it.
 */
export function keyRoutes(deps: AuthDeps): DocumentedRouter {
  const docs = documentedRouter('keys');
  const { route } = docs;

  route(
    {
      method: 'get',
      path: '/api/auth/.well-known/jwks.json',
      access: 'public',
      summary: 'Signing keys: current, next, and retired ones still in use',
      responses: { 200: 'A JWKS' },
    },
    (_input, _req, res) => {
      res.set('Cache-Control', 'public, max-age=300').json({ keys: deps.keys.publicJwks() });
    },
  );

  route(
    {
      method: 'get',
      path: '/internal/sessions/:sid/denied',
      access: 'internal',
      summary: 'Whether a session was revoked before its tokens expire',
      params: z.object({ sid: z.uuid() }),
      responses: { 200: '{ denied }', 400: 'Not a session id' },
    },
    async ({ params }, _req, res) => {
      res.set('Cache-Control', 'no-store').json({ denied: await isSessionDenied(deps.kv, params.sid) });
    },
  );

  return docs;
}
