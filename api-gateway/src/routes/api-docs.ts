import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import type { Logger } from '@tripwise/platform/logger';

type Document = {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};

const CACHE_MS = 60_000;
const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Tripwise API</title>
<link rel="stylesheet" href="/api/docs/ui/swagger-ui.css" />
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/ui/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// An external file, not an inline script, so the strict CSP (script-src 'self') allows it.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: false });`;

/** Merges the services' OpenAPI documents; a service that is down or has none yet is left out, not fatal. */
export function mergeDocuments(documents: Document[]): Record<string, unknown> {
  const merged = {
    openapi: '3.1.0',
    info: {
      title: 'Tripwise API',
      version: '1',
      description: 'Every public route, through the gateway. x-access says who may call it.',
    },
    paths: {} as Record<string, unknown>,
    components: { schemas: {} as Record<string, unknown>, securitySchemes: {} as Record<string, unknown> },
    security: [{ bearer: [] }],
  };
  for (const doc of documents) {
    Object.assign(merged.paths, doc.paths);
    Object.assign(merged.components.schemas, doc.components?.schemas);
    Object.assign(merged.components.securitySchemes, doc.components?.securitySchemes);
  }
  return merged;
}

/**
 * `/api/docs`: the services' OpenAPI documents (generated from their zod schemas) merged, with Swagger UI served
 * from our own origin. Documents are fetched from the services and kept for a minute.
 */
export function apiDocsRouter(sources: string[], logger: Logger): Router {
  const router = Router();
  let cached: { at: number; doc: Record<string, unknown> } | undefined;
  const load = async () => {
    const documents = await Promise.all(
      sources.map(async (url) => {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          return res.ok ? ((await res.json()) as Document) : undefined;
        } catch (err) {
          logger.debug('api docs: a service did not answer', { url, err });
          return undefined;
        }
      }),
    );
    return mergeDocuments(documents.filter((d): d is Document => d !== undefined));
  };

  router.get('/api/docs/openapi.json', async (_req, res) => {
    if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), doc: await load() };
    res.json(cached.doc);
  });
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/api/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.use('/api/docs/ui', express.static(swaggerUi, { index: false, maxAge: '1d' }));
  return router;
}
