import { z } from 'zod';
import {
  emailSchema,
  newPasswordSchema,
  passwordInputSchema,
  profilePatchSchema,
  secondFactorCodeSchema,
} from '@tripwise/contracts';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { changePassword, forgotPassword, resetPassword } from '../domain/accounts/password.use-case.ts';
import { deleteAccount, getAccount, updateAccount } from '../domain/accounts/profile.use-case.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';
import { resendVerification, verifyEmail } from '../domain/email/verify-email.use-case.ts';
import { clearRefreshCookie, requestMeta } from './http-context.ts';
import type { RoutePolicies } from './session.routes.ts';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'the token from the link in the email' });
const ACCEPTED = { status: 'accepted', detail: 'If an account uses this email, we sent it a message.' };
const SAME_FOR_EVERY_EMAIL = 'Accepted; the same answer whether or not an account uses the email';

/** The account and its profile, password changes and resets, email verification. */
export function accountRoutes(deps: AuthDeps, policies: RoutePolicies): DocumentedRouter {
  const docs = documentedRouter('account');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/me',
      access: 'user',
      secondFactorSetup: true,
      summary: 'My account and profile',
      responses: { 200: 'The account', 401: 'Not signed in' },
    },
    async ({ identity }, req, res) => {
      res.json(await getAccount(deps, identity.userId));
    },
  );

  route(
    {
      method: 'patch',
      path: '/me',
      access: 'user',
      summary: 'Change profile attributes (null clears one)',
      body: profilePatchSchema,
      responses: { 200: 'The updated account', 400: 'Invalid field', 401: 'Not signed in' },
    },
    async ({ body, identity }, req, res) => {
      res.json(await updateAccount(deps, identity.userId, body, requestMeta(req)));
    },
  );

  route(
    {
      method: 'delete',
      path: '/me',
      access: 'user',
      summary: 'Delete my account (password, and a code with 2FA on)',
      body: z.strictObject({ password: passwordInputSchema, code: secondFactorCodeSchema.optional() }),
      responses: { 204: 'Deleted; every session ended', 400: 'Code required', 401: 'Wrong password or code' },
    },
    async ({ body, identity }, req, res) => {
      await deleteAccount(deps, identity.userId, body, requestMeta(req));
      clearRefreshCookie(res, policies.cookieSecure);
      res.status(204).end();
    },
  );

  route(
    {
      method: 'post',
      path: '/password/forgot',
      access: 'public',
      noStore: true,
      summary: 'Mail a password reset link (30 minutes, single use)',
      body: z.strictObject({ email: emailSchema }),
      responses: { 202: SAME_FOR_EVERY_EMAIL, 400: 'Invalid email', 429: 'Too many requests' },
    },
    async ({ body }, req, res) => {
      await forgotPassword(deps, body.email, requestMeta(req));
      res.status(202).json(ACCEPTED);
    },
  );

  route(
    {
      method: 'post',
      path: '/password/reset',
      access: 'public',
      noStore: true,
      summary: 'Set a new password from a reset link (a code too with 2FA on)',
      body: z.strictObject({
        token: tokenSchema,
        password: newPasswordSchema,
        code: secondFactorCodeSchema.optional(),
      }),
      responses: {
        200: 'Changed; every session ended, nobody signed in',
        400: 'Invalid, expired or used link; weak password; code required',
        401: 'Wrong code',
      },
    },
    async ({ body }, req, res) => {
      await resetPassword(deps, body, requestMeta(req));
      res.json({ status: 'password-reset', detail: 'Your password was changed. Sign in with the new one.' });
    },
  );

  route(
    {
      method: 'post',
      path: '/password/change',
      access: 'user',
      summary: 'Change my password (ends other sessions unless kept)',
      body: z.strictObject({
        currentPassword: passwordInputSchema,
        newPassword: newPasswordSchema,
        signOutOtherSessions: z.boolean().default(true),
      }),
      responses: { 200: 'Changed; how many other sessions ended', 400: 'Weak password', 401: 'Wrong current password' },
    },
    async ({ body, identity }, req, res) => {
      res.json(await changePassword(deps, identity, body, requestMeta(req)));
    },
  );

  route(
    {
      method: 'post',
      path: '/email/verify',
      access: 'public',
      noStore: true,
      summary: 'Confirm an email address from its link',
      body: z.strictObject({ token: tokenSchema }),
      responses: { 200: 'Verified', 400: 'Invalid, expired or used link' },
    },
    async ({ body }, req, res) => {
      await verifyEmail(deps, body.token, requestMeta(req));
      res.json({ status: 'verified' });
    },
  );

  route(
    {
      method: 'post',
      path: '/email/resend',
      access: 'public',
      noStore: true,
      summary: 'Mail a new verification link',
      body: z.strictObject({ email: emailSchema }),
      responses: { 202: SAME_FOR_EVERY_EMAIL, 429: 'Too many requests' },
    },
    async ({ body }, req, res) => {
      await resendVerification(deps, body.email, requestMeta(req));
      res.status(202).json(ACCEPTED);
    },
  );

  return docs;
}
