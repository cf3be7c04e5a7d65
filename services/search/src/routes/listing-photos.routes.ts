import express from 'express';
import { z } from 'zod';
import { PHOTO_UPLOAD, photoOrderSchema } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { AppError, badRequest } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { ListingChanged } from '../domain/listings/manage-listings.use-case.ts';
import {
  listPhotos,
  removePhoto,
  reorderPhotos,
  uploadPhoto,
  type PhotoDeps,
} from '../domain/photos/listing-photos.use-case.ts';
import type { PhotoStore } from '../domain/photos/photo-store.ts';

const digits = (what: string) => z.string().regex(/^\d{1,18}$/, { error: what });
const listingParams = z.object({ kind: z.enum(['hotels', 'cars']), id: digits('a listing id') });
const photoParams = listingParams.extend({ photoId: digits('a photo id') });
const uploadQuery = z.object({ roomTypeId: digits('a room type id').optional() });
const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: '8 to 100 letters, digits, dashes or underscores' })
  .optional();
const REFUSED = { 401: 'Not signed in', 403: 'Not an owner or admin' };

/** The body as bytes, for the image types only (anything else is left unread and refused by the route). */
const rawImage = express.raw({ type: [...PHOTO_UPLOAD.types], limit: PHOTO_UPLOAD.maxBytes });

/**
 * Photos of hotels (their room types too) and cars: owners of the listing and admins upload, reorder (the first is
 * the cover) and delete. The upload's body is the image itself (Content-Type image/jpeg, image/png or image/webp).
 */
export function listingPhotoRoutes(db: Db, store: PhotoStore, changed: ListingChanged): DocumentedRouter {
  const docs = documentedRouter('listing photos');
  const { route } = docs;
  const deps: PhotoDeps = { db, store, changed };
  route(
    {
      method: 'get',
      path: '/:kind/:id/photos',
      access: 'owner',
      summary: "A listing's photos in order (its own, then each room type's), waiting ones included",
      params: listingParams,
      responses: { 200: 'The photos', 404: 'Not found, or not yours', ...REFUSED },
    },
    async ({ params, identity }, _req, res) => {
      res.json(await listPhotos(db, identity, params.kind, params.id));
    },
  );
  route(
    {
      method: 'post',
      path: '/:kind/:id/photos',
      access: 'owner',
      summary:
        'Upload a photo (the body is the JPEG, PNG or WebP file; at most 10 MB and 40 megapixels); re-encoded, ' +
        'resized and stripped of its metadata. An owner’s photo of a live listing waits for review.',
      params: listingParams,
      query: uploadQuery,
      before: [rawImage],
      responses: {
        201: 'The photo',
        200: 'Already uploaded with this Idempotency-Key',
        400: 'Not a readable image, too small, or no such room type',
        404: 'Not found, or not yours',
        409: 'Too many photos',
        413: 'Over 10 MB or 40 megapixels',
        415: 'Not JPEG, PNG or WebP',
        ...REFUSED,
      },
    },
    async ({ params, query, identity }, req, res) => {
      const { created, photo } = await uploadPhoto(deps, identity, params.kind, params.id, () => {
        const contentType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (!(PHOTO_UPLOAD.types as readonly string[]).includes(contentType) || !Buffer.isBuffer(req.body)) {
          throw new AppError('unsupported-media-type', 415, 'Unsupported media type', {
            detail: 'Send the photo itself as the body, with Content-Type image/jpeg, image/png or image/webp.',
            errors: [{ in: 'headers', field: 'content-type', message: 'must be image/jpeg, image/png or image/webp' }],
          });
        }
        const key = idempotencyKey.safeParse(req.get('idempotency-key'));
        if (!key.success) {
          throw badRequest('Invalid Idempotency-Key.', [
            { in: 'headers', field: 'idempotency-key', message: key.error.issues[0]?.message ?? 'invalid' },
          ]);
        }
        if (req.body.length === 0) {
          throw badRequest('The body is empty.', [{ in: 'body', field: 'body', message: 'an image is required' }]);
        }
        return { bytes: req.body, contentType, roomTypeId: query.roomTypeId, idempotencyKey: key.data };
      });
      res.status(created ? 201 : 200).json(photo);
    },
  );
  route(
    {
      method: 'put',
      path: '/:kind/:id/photos/order',
      access: 'owner',
      summary: 'Reorder one group of photos (the listing’s own, or one room type’s): all its ids, the cover first',
      params: listingParams,
      body: photoOrderSchema,
      responses: {
        200: 'The photos in their new order',
        400: 'Invalid order',
        404: 'Not found, or not yours',
        ...REFUSED,
      },
    },
    async ({ params, body, identity }, _req, res) => {
      res.json(await reorderPhotos(deps, identity, params.kind, params.id, body));
    },
  );
  route(
    {
      method: 'delete',
      path: '/:kind/:id/photos/:photoId',
      access: 'owner',
      summary: 'Delete a photo',
      params: photoParams,
      responses: { 204: 'Deleted', 404: 'Not found, or not yours', ...REFUSED },
    },
    async ({ params, identity }, _req, res) => {
      await removePhoto(deps, identity, params.kind, params.id, params.photoId);
      res.status(204).end();
    },
  );
  return docs;
}
