import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from '@tripwise/platform/logger';

export interface FrontendDirs {
  webClient: string;
  adminPortal: string;
}

// Paths that belong to the API or to operators, never to an SPA's client-side router.
const NOT_SPA = /^\/(api|socket\.io|metrics|health|ready)(\/|$)/;

/**
 * Serves the built SPAs in the embedded mode: the admin portal under /admin/, the web client at /. Hashed
 * assets are cached for a year; index.html never, so a new deploy is picked up on the next load.
 */
export function mountFrontends(app: Express, dirs: FrontendDirs, logger: Logger): void {
  const spas = [
    { base: '/admin', dir: dirs.adminPortal, label: 'admin-portal' },
    { base: '/', dir: dirs.webClient, label: 'web-client' },
  ];
  for (const spa of spas) {
    const index = join(spa.dir, 'index.html');
    if (!existsSync(index)) {
      logger.warn('frontend not built: not serving it', { frontend: spa.label, dir: spa.dir });
      continue;
    }
    app.use(spa.base, (_req, res, next) => {
      res.locals.routeLabel = `static:${spa.label}`;
      next();
    });
    app.use(
      spa.base,
      express.static(spa.dir, {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader(
            'Cache-Control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    app.get(spa.base === '/' ? '/{*splat}' : `${spa.base}{/*splat}`, (req, res, next) => {
      // A missing file (/assets/old-hash.js) must 404, not come back as HTML with the wrong MIME type.
      if (NOT_SPA.test(req.path) || extname(req.path) !== '' || !req.accepts('html')) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
