import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { ingestBatch, type IngestDeps } from '../domain/ingest.use-case.ts';

/** Where browsers send their batches (navigator.sendBeacon): anyone may, within limits, and nothing personal. */
export function ingestRoutes(deps: IngestDeps): DocumentedRouter {
  const docs = documentedRouter('insights');
  docs.route(
    {
      method: 'post',
      path: '/events',
      access: 'public',
      summary:
        'A batch of page views, clicks, impressions and section visibility from one tab (bad events are dropped and counted)',
      responses: {
        202: '{ accepted, dropped }',
        400: 'Not a batch (the field is named)',
        413: 'Larger than the size cap',
        429: 'Too many batches from this address or tab, or ingest is busy (Retry-After)',
      },
    },
    async (_input, req, res) => {
      res.status(202).json(await ingestBatch(deps, req.body, req.ip ?? 'unknown'));
    },
  );
  return docs;
}
