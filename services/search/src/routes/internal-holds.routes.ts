import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { holdItemSchema } from '@tripwise/contracts';
import {
  confirmHold,
  getHold,
  placeHold,
  releaseHold,
  releaseHoldItem,
  type InventoryChanged,
} from '../domain/holds/holds.use-case.ts';
import { quoteItems } from '../domain/holds/quote.use-case.ts';

const holdParams = z.object({ id: z.uuid() });
const itemMatchSchema = z.strictObject({
  kind: z.enum(['flight', 'room', 'car']),
  listingId: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }),
  /** A room's check-in or a car's pick-up day, to tell apart two stays at one listing. */
  firstDay: z.iso.date().optional(),
});
const QUOTE_ITEMS_MAX = 200;
const HOLD = { 401: 'No service credential', 404: 'No such hold' };

/**
 * Holds on inventory, for the booking service only: under /internal (never forwarded by the gateway) and behind
 * the service credential.
 */
export function internalHoldRoutes(db: Db, changed: InventoryChanged, now: () => Date): DocumentedRouter {
  const docs = documentedRouter('holds (internal)');
  const { route } = docs;
  route(
    {
      method: 'post',
      path: '/quotes',
      access: 'internal',
      summary: "Each item's price now, whether it is free, and what a booking keeps of its listing (takes nothing)",
      // A booking quotes at most 10 items; the booking seed quotes its history a couple of hundred at a time.
      body: z.strictObject({
        items: z.array(holdItemSchema).min(1).max(QUOTE_ITEMS_MAX),
        /** The booking seed's past trips (and fixtures on fixed dates): quoted as they are, outside the window. */
        anyDates: z.boolean().optional(),
      }),
      responses: {
        200: 'The quoted items',
        400: 'Invalid item',
        401: 'No service credential',
        409: 'Not listed',
        422: 'Dates outside the booking window (past, more than 330 days ahead, stays over 30 nights, rentals over 60 days)',
      },
    },
    async ({ body }, _req, res) => {
      res.json({ items: await quoteItems(db, body.items, { anyDates: body.anyDates, now: now() }) });
    },
  );
  route(
    {
      method: 'post',
      path: '/holds',
      access: 'internal',
      summary: 'Hold every item or none (idempotent by hold id)',
      body: z.strictObject({
        holdId: z.uuid(),
        ttlSeconds: z.number().int().min(30).max(3_600).default(900),
        items: z.array(holdItemSchema).min(1).max(10),
      }),
      responses: {
        201: 'Held, with current unit prices',
        400: 'Invalid item',
        401: 'No service credential',
        409: 'An item is sold out',
      },
    },
    async ({ body }, _req, res) => {
      res.status(201).json(await placeHold(db, body, changed));
    },
  );
  route(
    {
      method: 'get',
      path: '/holds/:id',
      access: 'internal',
      summary: 'A hold and its items',
      params: holdParams,
      responses: { 200: 'The hold', ...HOLD },
    },
    async ({ params }, _req, res) => {
      res.json(await getHold(db, params.id));
    },
  );
  route(
    {
      method: 'post',
      path: '/holds/:id/confirm',
      access: 'internal',
      summary: 'Make a hold permanent (idempotent)',
      params: holdParams,
      responses: { 200: 'Confirmed', 409: 'Expired or released', ...HOLD },
    },
    async ({ params }, _req, res) => {
      res.json(await confirmHold(db, params.id));
    },
  );
  route(
    {
      method: 'post',
      path: '/holds/:id/release',
      access: 'internal',
      summary: 'Give the inventory back (idempotent; also for cancellations)',
      params: holdParams,
      responses: { 200: 'Released', ...HOLD },
    },
    async ({ params }, _req, res) => {
      res.json(await releaseHold(db, params.id, changed));
    },
  );
  route(
    {
      method: 'post',
      path: '/holds/:id/release-item',
      access: 'internal',
      summary: 'Give one item of a hold back, the others staying taken (idempotent; one part of a trip cancelled)',
      params: holdParams,
      body: itemMatchSchema,
      responses: { 200: 'Released (or nothing left to give back)', 400: 'Invalid item', ...HOLD },
    },
    async ({ params, body }, _req, res) => {
      res.json(await releaseHoldItem(db, params.id, body, changed));
    },
  );
  return docs;
}
