import { seedFlightsQuerySchema, seedWorldQuerySchema } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { z } from 'zod';
import { assignDemoListings } from '../data/demo-owner.repository.ts';
import { flightsOn, seedWorld } from '../data/seed-world.reader.ts';

const demoOwnerBody = z.strictObject({
  ownerId: z.uuid(),
  hotels: z.number().int().min(0).max(100).default(12),
  cars: z.number().int().min(0).max(100).default(8),
});

/**
 * What the booking seed (booking's history import) reads of the inventory: behind the services' credential, under
 * /internal (never forwarded by the gateway). It takes inventory only through the hold routes.
 */
export function internalSeedWorldRoutes(db: Db): DocumentedRouter {
  const docs = documentedRouter('seed world (internal)');
  docs.route(
    {
      method: 'post',
      path: '/seed-world',
      access: 'internal',
      summary: 'The flight window, routes, rooms and cars, and what is taken from a day on (for the booking seed)',
      body: seedWorldQuerySchema,
      responses: { 200: 'The inventory in outline', 400: 'Invalid day', 401: 'No service credential' },
    },
    async ({ body }, _req, res) => {
      res.json(await seedWorld(db, body.takenSince));
    },
  );
  docs.route(
    {
      method: 'post',
      path: '/seed-world/flights',
      access: 'internal',
      summary: 'The active flights of each route on each day asked for (for the booking seed)',
      body: seedFlightsQuerySchema,
      responses: { 200: 'The flights, by id', 400: 'Invalid key', 401: 'No service credential' },
    },
    async ({ body }, _req, res) => {
      const keys = body.keys.map((key) => {
        const [origin = '', destination = '', day = ''] = key.split('|');
        return { origin, destination, day };
      });
      res.json({ flights: await flightsOn(db, keys) });
    },
  );
  docs.route(
    {
      method: 'post',
      path: '/demo-owner',
      access: 'internal',
      summary: 'Gives the demo owner seeded hotels and cars (once; `npm start` asks before importing the history)',
      body: demoOwnerBody,
      responses: {
        200: 'How many were given, or that it was done before',
        400: 'Invalid owner',
        401: 'No service credential',
      },
    },
    async ({ body }, _req, res) => {
      res.json(await db.transaction((tx) => assignDemoListings(tx, body.ownerId, body)));
    },
  );
  return docs;
}
