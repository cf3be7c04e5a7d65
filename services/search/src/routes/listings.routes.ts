import { z } from 'zod';
import { carListingSchema, flightListingSchema, hotelListingSchema, listingStatusSchema } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import {
  createListing,
  getListing,
  listingAnalytics,
  removeListing,
  updateListingAs,
  type ListingChanged,
  type PricesChanged,
} from '../domain/listings/manage-listings.use-case.ts';
import { searchMyListings } from '../domain/listings/listing-queries.use-case.ts';
import type { UserDirectory } from '../clients/users.client.ts';

const kindParams = z.object({ kind: z.enum(['hotels', 'cars', 'flights']) });
const idParams = kindParams.extend({ id: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }) });
const DATE_SORTS = new Set(['updatedAt', 'createdAt']);
const listQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    city: z.string().trim().min(1).max(80).optional(),
    ownerId: z.uuid({ error: 'a user id' }).optional(),
    status: z
      .union([listingStatusSchema, z.array(listingStatusSchema).max(6)])
      .transform((s) => (Array.isArray(s) ? s : [s]))
      .optional(),
    sort: z.enum(['updatedAt', 'createdAt', 'name', 'city', 'price']).default('updatedAt'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional(),
  })
  // Dates newest first, names, cities and prices from A and lowest, unless the order is given.
  .transform(({ status, order, ...rest }) => ({
    ...rest,
    statuses: status,
    order: order ?? (DATE_SORTS.has(rest.sort) ? ('desc' as const) : ('asc' as const)),
  }));
// A patch sets only what it names: the create schema's defaults (no amenities, an empty description) must not
// fill in the fields it leaves out.
const hotelPatch = hotelListingSchema.extend({
  amenities: hotelListingSchema.shape.amenities.unwrap(),
  description: hotelListingSchema.shape.description.unwrap(),
});
const PATCHES = {
  hotels: hotelPatch.partial().extend({ status: listingStatusSchema.optional() }),
  cars: carListingSchema.partial().extend({ status: listingStatusSchema.optional() }),
  flights: z.strictObject({ status: listingStatusSchema }),
} as const;
const isoDay = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const statsQuery = z
  .object({ from: isoDay.optional(), to: isoDay.optional() })
  .transform(({ from, to }) => {
    const end = to ?? new Date().toISOString().slice(0, 10);
    return { from: from ?? new Date(Date.parse(end) - 29 * 86_400_000).toISOString().slice(0, 10), to: end };
  })
  .refine((r) => r.from <= r.to, { path: ['from'], message: 'must not be after `to`' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
    path: ['from'],
    message: 'the range spans at most 366 days',
  });
const oneId = z.object({ id: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }) });
const REFUSED = { 401: 'Not signed in', 403: 'Not an owner or admin (flights: admins only)' };

/**
 * Owners manage their own hotels and cars; admins manage every listing, flights included, and approve new ones.
 * Anyone else's listing answers 404, as if it did not exist.
 */
export function listingRoutes(
  db: Db,
  changed: ListingChanged,
  pricesChanged: PricesChanged,
  users: UserDirectory,
): DocumentedRouter {
  const docs = documentedRouter('listings');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/:kind',
      access: 'owner',
      summary: 'My listings (admins: any, by owner too): by words, city and status, in the asked order, with the total',
      params: kindParams,
      query: listQuery,
      responses: { 200: 'A page of listings and the total', 400: 'Invalid query', ...REFUSED },
    },
    async ({ params, query, identity }, req, res) => {
      res.json(await searchMyListings(db, identity, params.kind, query, users));
    },
  );
  route(
    {
      method: 'post',
      path: '/hotels',
      access: 'owner',
      summary: "Add a hotel (an owner's waits for approval)",
      body: hotelListingSchema,
      responses: { 201: 'Created', 400: 'Invalid field', ...REFUSED },
    },
    async ({ body, identity }, req, res) => {
      res.status(201).json(await createListing(db, identity, { kind: 'hotels', listing: body }, changed));
    },
  );
  route(
    {
      method: 'post',
      path: '/cars',
      access: 'owner',
      summary: "Add a rental car (an owner's waits for approval)",
      body: carListingSchema,
      responses: { 201: 'Created', 400: 'Invalid field', ...REFUSED },
    },
    async ({ body, identity }, req, res) => {
      res.status(201).json(await createListing(db, identity, { kind: 'cars', listing: body }, changed));
    },
  );
  route(
    {
      method: 'post',
      path: '/flights',
      access: 'admin',
      summary: 'Add a flight (admins)',
      body: flightListingSchema,
      responses: { 201: 'Created', 400: 'Invalid field', ...REFUSED },
    },
    async ({ body, identity }, req, res) => {
      res.status(201).json(await createListing(db, identity, { kind: 'flights', listing: body }, changed));
    },
  );
  route(
    {
      method: 'get',
      path: '/:kind/:id',
      access: 'owner',
      summary: 'One of my listings, with its last review and the change of it waiting for review',
      params: idParams,
      responses: { 200: 'The listing', 404: 'Not found, or not yours', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      res.json(await getListing(db, identity, params.kind, params.id));
    },
  );
  route(
    {
      method: 'get',
      path: '/:kind/:id/stats',
      access: 'owner',
      summary: 'Impressions and detail views per day (the last 30 days unless from/to are given)',
      params: idParams,
      query: statsQuery,
      responses: { 200: 'Days and totals', 400: 'Invalid range', 404: 'Not found, or not yours', ...REFUSED },
    },
    async ({ params, query, identity }, req, res) => {
      res.json(await listingAnalytics(db, identity, params.kind, params.id, query));
    },
  );
  for (const kind of ['hotels', 'cars', 'flights'] as const) {
    route(
      {
        method: 'patch',
        path: `/${kind}/:id`,
        access: kind === 'flights' ? 'admin' : 'owner',
        summary: 'Edit a listing; admins also set its status (approve, take down)',
        params: oneId,
        body: PATCHES[kind],
        responses: { 200: 'The listing', 400: 'Invalid field', 404: 'Not found, or not yours', ...REFUSED },
      },
      async ({ params, body, identity }, req, res) => {
        res.json(await updateListingAs(db, identity, kind, params.id, body, changed, pricesChanged));
      },
    );
  }
  route(
    {
      method: 'delete',
      path: '/:kind/:id',
      access: 'owner',
      summary: 'Take a listing out of search',
      params: idParams,
      responses: { 204: 'Removed', 404: 'Not found, or not yours', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      await removeListing(db, identity, params.kind, params.id, changed);
      res.status(204).end();
    },
  );
  return docs;
}
