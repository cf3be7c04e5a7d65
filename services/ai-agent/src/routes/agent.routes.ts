import { z } from 'zod';
import { bundlesRequestSchema, chatRequestSchema, intentApiRequestSchema } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { SearchApi } from '../clients/search.client.ts';
import { chat } from '../domain/chat/chat.use-case.ts';
import { bundleOf, deleteConversation, jobOf, sessionOf, sessionsOf } from '../domain/chat/history.use-case.ts';
import { parseConversation } from '../domain/intent/parse-conversation.ts';
import type { JobEvents } from '../domain/jobs/job-events.ts';
import type { JobRunner } from '../domain/jobs/job-runner.ts';
import { bundlesFor } from '../domain/planning/bundles.use-case.ts';
import { notFound, parseInput } from '@tripwise/platform/errors';
import { bearerToken } from '@tripwise/platform/auth';
import type { BookingApi } from '../clients/booking.client.ts';
import type { IntentLlm } from '../domain/intent/llm/intent-llm.ts';
import { bookBundle, bookBundleSchema } from '../domain/planning/book-bundle.use-case.ts';

const idParams = z.object({ id: z.uuid({ error: 'an id' }) });
const idempotencyHeader = z.object({
  'idempotency-key': z
    .string({ error: 'required: one key per booking attempt, the same on every retry' })
    .min(8)
    .max(255),
});
const REFUSED = { 401: 'Not signed in, or the token is expired or forged' };

/** The concierge's HTTP side: every route is for a signed-in traveler, about their own conversations. */
export function agentRoutes(deps: {
  db: Db;
  search: SearchApi;
  booking: BookingApi;
  intentLlm?: IntentLlm | undefined;
  jobs: JobRunner;
  events: JobEvents;
  now?: () => Date;
}): DocumentedRouter {
  const docs = documentedRouter('ai');
  const { route } = docs;
  route(
    {
      method: 'post',
      path: '/intent',
      access: 'user',
      summary: "A conversation's turns read into the structured request after each turn",
      body: intentApiRequestSchema,
      responses: { 200: '{ states }', 400: 'Invalid field', ...REFUSED },
    },
    ({ body }, _req, res) => {
      const now = body.now ? new Date(body.now) : (deps.now ?? (() => new Date()))();
      res.json({ states: parseConversation(body.turns, { now, timeZone: body.timeZone }) });
    },
  );
  route(
    {
      method: 'post',
      path: '/chat',
      access: 'user',
      summary: 'Send a message; the answer streams over the socket (plan:progress, plan:result, plan:error)',
      body: chatRequestSchema,
      responses: {
        202: '{ sessionId, jobId }',
        400: 'Invalid field',
        404: 'No such conversation',
        409: 'At the cap of 50 conversations (delete one to start another)',
        ...REFUSED,
      },
    },
    async ({ body, identity }, req, res) => {
      res.status(202).json(await chat(deps, identity, body));
    },
  );
  route(
    {
      method: 'get',
      path: '/sessions',
      access: 'user',
      summary: 'My conversations, latest first',
      responses: { 200: '{ items }', ...REFUSED },
    },
    async ({ identity }, req, res) => {
      res.json(await sessionsOf(deps.db, identity));
    },
  );
  route(
    {
      method: 'get',
      path: '/sessions/:id',
      access: 'user',
      summary: 'One of my conversations: its messages, what is understood, the latest options',
      params: idParams,
      responses: { 200: 'The conversation', 404: 'No such conversation', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      res.json(await sessionOf(deps.db, identity, params.id));
    },
  );
  route(
    {
      method: 'delete',
      path: '/sessions/:id',
      access: 'user',
      summary: 'Delete one of my conversations, with its messages and options (conversations are capped at 50)',
      params: idParams,
      responses: { 204: 'Deleted', 404: 'No such conversation', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      await deleteConversation(deps.db, identity, params.id);
      res.status(204).end();
    },
  );
  route(
    {
      method: 'get',
      path: '/jobs/:id',
      access: 'user',
      summary: "A job's status and its events after `afterSeq` (for clients that poll)",
      params: idParams,
      query: z.object({ afterSeq: z.coerce.number().int().min(0).default(0) }),
      responses: { 200: '{ status, events }', 404: 'No such job', ...REFUSED },
    },
    async ({ params, query, identity }, req, res) => {
      res.json(await jobOf(deps.db, deps.events, identity, params.id, query.afterSeq));
    },
  );
  route(
    {
      method: 'post',
      path: '/jobs/:id/cancel',
      access: 'user',
      summary: 'Stop one of my running jobs (it ends with plan:error, code cancelled)',
      params: idParams,
      responses: { 202: 'Stopping', 404: 'No such running job', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      if (!(await deps.jobs.cancel(params.id, identity.userId))) throw notFound('The running job');
      res.status(202).json({ jobId: params.id, status: 'cancelling' });
    },
  );
  route(
    {
      method: 'post',
      path: '/bundles',
      access: 'user',
      summary:
        'Plan synchronously from a structured request: 2–3 bundles, the nearest labelled alternatives when nothing meets every stated constraint, or the question still needed',
      body: bundlesRequestSchema,
      responses: {
        200: 'The bundles (kind bundles), or labelled alternatives and what was not met (kind alternatives)',
        400: 'Invalid field',
        422: 'Unknown place, or search refused the request',
        503: 'Search did not answer, even when asked again',
        ...REFUSED,
      },
    },
    async ({ body, identity }, req, res) => {
      res.json(await bundlesFor(deps, identity, body.request));
    },
  );
  route(
    {
      method: 'post',
      path: '/bundles/:id/book',
      access: 'user',
      summary:
        'Book one of my bundles, after an explicit confirmation (Idempotency-Key header required); answers as the booking service does',
      params: idParams,
      body: bookBundleSchema,
      responses: {
        201: 'Booked',
        400: 'Invalid field (confirm, travelers, card…)',
        402: 'Card declined',
        403: 'The email address is not confirmed yet',
        404: 'No such bundle',
        409: 'Sold out, or a price changed since the bundle was made',
        429: 'Too many payment attempts or declined cards (shared with every way of booking)',
        ...REFUSED,
      },
    },
    async ({ params, body, identity }, req, res) => {
      const key = parseInput(idempotencyHeader, req.headers, 'headers')['idempotency-key'];
      const who = { ...identity, token: bearerToken(req.headers.authorization), address: req.ip };
      const answer = await bookBundle(deps, who, params.id, key, body);
      if (answer.retryAfter) res.setHeader('Retry-After', answer.retryAfter);
      res
        .status(answer.status)
        .type(answer.status >= 400 ? 'application/problem+json' : 'application/json')
        .send(JSON.stringify(answer.body));
    },
  );
  route(
    {
      method: 'get',
      path: '/bundles/:id',
      access: 'user',
      summary: 'One of my bundles',
      params: idParams,
      responses: { 200: 'The bundle', 404: 'No such bundle', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      res.json(await bundleOf(deps.db, identity, params.id));
    },
  );
  return docs;
}
