import { z } from 'zod';
import { passwordInputSchema, secondFactorCodeSchema } from '@tripwise/contracts';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { AuthDeps } from '../domain/auth-deps.ts';
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateBackupCodes,
  setupTwoFactor,
} from '../domain/two-factor/two-factor.use-case.ts';
import { requestMeta, setRefreshCookie } from './http-context.ts';
import type { RoutePolicies } from './session.routes.ts';

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'the 6-digit code from your authenticator app' });

/** Two-factor authentication: enrol, confirm, turn off, new backup codes. Signed-in users only. */
export function twoFactorRoutes(deps: AuthDeps, policies: RoutePolicies): DocumentedRouter {
  const docs = documentedRouter('two-factor');
  const { route } = docs;
  route(
    {
      method: 'post',
      path: '/2fa/setup',
      access: 'user',
      secondFactorSetup: true,
      summary: 'Start enrolment: a secret, its otpauth URI and QR code',
      responses: { 200: 'Pending until confirmed', 401: 'Not signed in', 409: 'Already on' },
    },
    async ({ identity }, req, res) => {
      res.json(await setupTwoFactor(deps, identity));
    },
  );

  route(
    {
      method: 'post',
      path: '/2fa/enable',
      access: 'user',
      secondFactorSetup: true,
      summary: 'Confirm with a code: 2FA on, ten backup codes, an upgraded session',
      body: z.strictObject({ code: totpCode, signOutOtherSessions: z.boolean().default(false) }),
      responses: {
        200: 'On; backup codes shown once; new access token and cookie',
        401: 'Wrong code',
        409: 'Not set up, or already on',
      },
    },
    async ({ body, identity }, req, res) => {
      const { backupCodes, session, endedSessions } = await enableTwoFactor(deps, identity, body, requestMeta(req));
      setRefreshCookie(res, session.refreshToken, session.refreshExpiresAt, policies.cookieSecure);
      const { accessToken, tokenType, expiresIn, sessionId } = session;
      res.json({ backupCodes, endedSessions, accessToken, tokenType, expiresIn, sessionId });
    },
  );

  route(
    {
      method: 'post',
      path: '/2fa/disable',
      access: 'user',
      summary: 'Turn 2FA off with the password and a code (not for admins)',
      body: z.strictObject({
        password: passwordInputSchema,
        code: secondFactorCodeSchema,
        signOutOtherSessions: z.boolean().default(true),
      }),
      responses: {
        200: 'Off; how many other sessions ended',
        401: 'Wrong password or code',
        403: 'Admins must keep 2FA',
      },
    },
    async ({ body, identity }, req, res) => {
      res.json(await disableTwoFactor(deps, identity, body, requestMeta(req)));
    },
  );

  route(
    {
      method: 'post',
      path: '/2fa/backup-codes',
      access: 'user',
      summary: 'Ten new backup codes; the old ones stop working',
      body: z.strictObject({ code: secondFactorCodeSchema }),
      responses: { 200: 'The new codes, shown once', 401: 'Wrong code' },
    },
    async ({ body, identity }, req, res) => {
      res.json({ backupCodes: await regenerateBackupCodes(deps, identity, body.code, requestMeta(req)) });
    },
  );

  return docs;
}
