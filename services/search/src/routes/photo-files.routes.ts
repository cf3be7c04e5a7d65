import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { notFound } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { PHOTO_FILE, type PhotoStore } from '../domain/photos/photo-store.ts';

const fileParams = z.object({ file: z.string().regex(PHOTO_FILE, { error: 'a photo file name' }) });
/** A stored file never changes (a new photo gets a new key), so browsers and the edge keep it for a year. */
const ONE_YEAR_MS = 365 * 86_400_000;

/** The photos' files, public: their keys are random, so only those given a URL find one. */
export function photoFileRoutes(store: PhotoStore): DocumentedRouter {
  const docs = documentedRouter('photos');
  docs.route(
    {
      method: 'get',
      path: '/photos/:file',
      access: 'public',
      summary: 'A photo file (WebP), cached for a year',
      params: fileParams,
      responses: { 200: 'The image', 400: 'Not a photo file name', 404: 'No such photo' },
    },
    async ({ params }, _req, res) => {
      const path = join(store.dir, params.file);
      const found = await stat(path).catch(() => undefined);
      if (!found?.isFile()) throw notFound('The photo');
      await new Promise<void>((resolve, reject) => {
        res.sendFile(
          params.file,
          { root: store.dir, maxAge: ONE_YEAR_MS, immutable: true, headers: { 'Content-Type': 'image/webp' } },
          (err) => (err ? reject(err) : resolve()),
        );
      });
    },
  );
  return docs;
}
