import { z } from 'zod';
import { ROLES } from '@tripwise/platform/auth';
import { badRequest } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { listAuditEvents } from '../data/audit.repository.ts';
import {
  deleteUserAsAdmin,
  getUserForAdmin,
  listUsers,
  updateUserAsAdmin,
} from '../domain/admin/admin-users.use-case.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';
import { requestMeta } from './http-context.ts';
import type { RoutePolicies } from './session.routes.ts';

const limit = z.coerce.number().int().min(1).max(100).default(25);
const userCursor = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    try {
      return z
        .object({ createdAt: z.iso.datetime(), id: z.uuid() })
        .parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'the nextCursor of a previous page' });
      return z.NEVER;
    }
  });
const idParams = z.object({ id: z.uuid() });
const REFUSED = { 401: 'Not signed in', 403: 'Not an admin signed in with 2FA' };

/** Users and the audit log, for admins signed in with their second factor. */
export function adminRoutes(deps: AuthDeps, _policies: RoutePolicies): DocumentedRouter {
  const docs = documentedRouter('admin');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/admin/users',
      access: 'admin',
      summary: 'Search users by email or name, newest first',
      query: z.object({
        q: z.string().trim().min(1).max(100).optional(),
        role: z.enum(ROLES).optional(),
        limit,
        cursor: userCursor.optional(),
      }),
      responses: { 200: 'A page of users and the next cursor', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      res.json(await listUsers(deps, query));
    },
  );

  route(
    {
      method: 'get',
      path: '/admin/users/:id',
      access: 'admin',
      summary: 'One user with their sessions',
      params: idParams,
      responses: { 200: 'The user', 404: 'No such user', ...REFUSED },
    },
    async ({ params }, _req, res) => {
      res.json(await getUserForAdmin(deps, params.id));
    },
  );

  route(
    {
      method: 'patch',
      path: '/admin/users/:id',
      access: 'admin',
      summary: 'Change a role or disable an account (ends every session)',
      params: idParams,
      body: z.strictObject({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }),
      responses: {
        200: 'The user',
        400: 'Nothing to change',
        404: 'No such user',
        409: 'Admins cannot lock themselves out',
        ...REFUSED,
      },
    },
    async ({ params, body, identity }, req, res) => {
      if (body.role === undefined && body.disabled === undefined) throw badRequest('Send role, disabled or both.');
      res.json(await updateUserAsAdmin(deps, identity.userId, params.id, body, requestMeta(req)));
    },
  );

  route(
    {
      method: 'delete',
      path: '/admin/users/:id',
      access: 'admin',
      summary: 'Delete a user',
      params: idParams,
      responses: { 204: 'Deleted', 404: 'No such user', 409: 'Not your own account', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      await deleteUserAsAdmin(deps, identity.userId, params.id, requestMeta(req));
      res.status(204).end();
    },
  );

  route(
    {
      method: 'get',
      path: '/admin/audit',
      access: 'admin',
      summary: 'The audit log, newest first',
      query: z.object({
        userId: z.uuid().optional(),
        event: z
          .string()
          .regex(/^[a-z_.]{1,60}$/)
          .optional(),
        cursor: z.coerce.number({ error: 'the nextCursor of a previous page' }).int().positive().optional(),
        limit,
      }),
      responses: { 200: 'A page of events', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      const items = await listAuditEvents(deps.db, { ...query, beforeId: query.cursor });
      const last = items[items.length - 1];
      res.json({ items, nextCursor: items.length === query.limit && last ? String(last.id) : null });
    },
  );

  return docs;
}
