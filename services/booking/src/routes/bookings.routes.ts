import { z } from 'zod';
import { bookingListQuerySchema, createBookingSchema, ownerBookingQuerySchema } from '@tripwise/contracts';
import { parseInput } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { billingOfBooking } from '../data/money.repository.ts';
import type { SagaDeps } from '../domain/booking-saga.ts';
import { bookingView } from '../domain/booking-view.ts';
import { createBooking } from '../domain/create-booking.use-case.ts';
import { cancelBookingItem } from '../domain/cancel-item.use-case.ts';
import { cancelBooking, getBooking, listBookingsFor } from '../domain/manage-bookings.use-case.ts';
import { exportBookingsOfListings, listBookingsOfListings } from '../domain/owner-bookings.use-case.ts';
import { adminBookingAudit } from '../domain/admin-audit.use-case.ts';

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string({ error: 'required: a unique key per booking attempt (a UUID), the same on every retry' })
    .min(8)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, { error: 'printable ASCII without spaces' }),
});
const idParams = z.object({ id: z.uuid({ error: 'a booking id' }) });
const itemParams = idParams.extend({
  position: z.coerce.number({ error: "an item's position in the booking" }).int().min(0).max(9),
});
const REFUSED = { 401: 'Not signed in, or the token is expired or forged' };
const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const auditQuery = z.object({
  actorId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

/** Bookings: anyone signed in books and sees their own; owners see bookings of their listings; admins see all. */
export function bookingRoutes(deps: SagaDeps): DocumentedRouter {
  const docs = documentedRouter('bookings');
  const { route } = docs;
  route(
    {
      method: 'post',
      path: '/',
      access: 'user',
      summary: 'Book one item or a whole trip, all or nothing (Idempotency-Key header required)',
      body: createBookingSchema,
      responses: {
        201: 'Confirmed and charged',
        202: 'Accepted: the card is authorised and only the finishing is left (poll GET /api/bookings/:id)',
        400: 'Invalid field (or missing Idempotency-Key)',
        402: 'Card declined: nothing booked or charged',
        403: 'The email address is not confirmed yet (the answer links to a new confirmation mail)',
        409: 'Sold out, a price changed (the new prices are in `prices`), or the same key still at work (retry shortly)',
        429: 'Too many payment attempts or declined cards for this traveler or address (Retry-After)',
        422: 'Idempotency-Key already used with a different request',
        503: 'Search or the card processor unavailable: nothing booked or charged; the same key may be retried',
        ...REFUSED,
      },
    },
    async ({ body, identity }, req, res) => {
      const key = parseInput(idempotencyHeader, req.headers, 'headers')['idempotency-key'];
      const created = await createBooking(deps, identity, key, body, req.ip ?? 'unknown');
      res
        .status(created.status)
        .location(`/api/bookings/${created.booking.id}`)
        .json(bookingView(created.booking, { as: 'traveler' }, await billingOfBooking(deps.db, created.booking.id)));
    },
  );
  route(
    {
      method: 'get',
      path: '/',
      access: 'user',
      summary: 'My bookings, newest first: upcoming, current or past',
      query: bookingListQuerySchema,
      responses: { 200: 'A page of bookings', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res.json(await listBookingsFor(deps.db, identity, query));
    },
  );
  route(
    {
      method: 'get',
      path: '/of-my-listings',
      access: 'owner',
      summary:
        "Bookings of the caller's listings (admins: any, or one traveler's): by listing, dates, guest and status, " +
        'in the asked order, with the total',
      query: ownerBookingQuerySchema,
      responses: {
        200: 'A page of bookings and the total',
        400: 'Invalid query',
        403: 'Not an owner or admin',
        ...REFUSED,
      },
    },
    async ({ query, identity }, req, res) => {
      res.json(await listBookingsOfListings(deps.db, identity, query));
    },
  );
  route(
    {
      method: 'get',
      path: '/of-my-listings/export.csv',
      access: 'owner',
      summary: 'Every booking the same filters find, as CSV (one row per booked item), streamed',
      query: ownerBookingQuerySchema,
      responses: { 200: 'text/csv', 400: 'Invalid query', 403: 'Not an owner or admin', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`bookings-${new Date().toISOString().slice(0, 10)}.csv`);
      await exportBookingsOfListings(deps.db, identity, query, (chunk) =>
        res.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => res.once('drain', () => resolve())),
      );
      res.end();
    },
  );
  route(
    {
      method: 'get',
      path: '/admin/audit',
      access: 'admin',
      summary: "Admins' actions on bookings (cancellations on a traveler's behalf), newest first",
      query: auditQuery,
      responses: { 200: 'A page of audit events', 400: 'Invalid query', 403: 'Not an admin with 2FA', ...REFUSED },
    },
    async ({ query }, req, res) => {
      const { limit, cursor, ...filter } = query;
      res.json(await adminBookingAudit(deps.db, filter, { limit, cursor }));
    },
  );
  route(
    {
      method: 'get',
      path: '/:id',
      access: 'user',
      summary: 'One booking: its traveler, an owner of one of its listings, or an admin',
      params: idParams,
      responses: { 200: 'The booking', 404: 'No such booking, or not yours', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      res.json(await getBooking(deps.db, identity, params.id));
    },
  );
  route(
    {
      method: 'post',
      path: '/:id/cancel',
      access: 'user',
      summary: "Cancel per the listings' refund policies (its traveler or an admin); repeating it is harmless",
      params: idParams,
      responses: {
        200: 'Cancelled, with the refund',
        202: 'Cancellation being finished',
        403: "An owner cannot cancel a traveler's booking",
        404: 'No such booking, or not yours',
        409: 'Not confirmed, or already started',
        ...REFUSED,
      },
    },
    async ({ params, identity }, req, res) => {
      const cancelled = await cancelBooking(deps, identity, params.id);
      res.status(cancelled.status).json(cancelled.booking);
    },
  );
  route(
    {
      method: 'post',
      path: '/:id/items/:position/cancel',
      access: 'user',
      summary:
        "Cancel one item of a trip per its listing's refund policy, the rest staying booked (the last one left cancels the trip)",
      params: itemParams,
      responses: {
        200: 'The booking, with the item cancelled and its refund',
        202: 'Cancellation being finished',
        404: 'No such booking or item, or not yours',
        409: 'Not confirmed, already started, or another change under way',
        ...REFUSED,
      },
    },
    async ({ params, identity }, req, res) => {
      const cancelled = await cancelBookingItem(deps, identity, params.id, params.position);
      res.status(cancelled.status).json(cancelled.booking);
    },
  );
  return docs;
}
