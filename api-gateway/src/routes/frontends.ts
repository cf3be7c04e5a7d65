import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '@tripwise/platform/logger';

export interface FrontendDirs {
  webClient: string;
  adminPortal: string;
}

// Paths that belong to the API or to operators, never to an SPA's client-side router.
const NOT_SPA = /^\/(api|socket\.io|metrics|health|ready)(\/|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** What the build writes beside each text asset (frontend/web-client/build/precompress.ts), best first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * A hashed asset as the build compressed it (brotli, else gzip) when the browser takes that encoding: a third of
 * the bytes over the wire, with no compression work per request. Anything else goes on to the plain files.
 */
function precompressedAssets(dir: string): RequestHandler {
  const root = normalize(dir + sep);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) {
      next();
      return;
    }
    res.vary('Accept-Encoding');
    for (const [encoding, suffix] of ENCODINGS) {
      const file = normalize(join(dir, `${req.path}${suffix}`));
      if (!file.startsWith(root) || !req.acceptsEncodings(encoding) || !existsSync(file)) continue;
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Cache-Control', IMMUTABLE);
      res.type(extname(req.path));
      res.sendFile(file, { cacheControl: false }, (err) => {
        if (err) next(err);
      });
      return;
    }
    next();
  };
}

/**
 * Serves the built SPAs in the embedded mode: the admin portal under /admin/, the web client at /. Hashed
 * assets are cached for a year, pre-compressed when the build made .br/.gz copies; index.html never is, so a new
 * deploy is picked up on the next load.
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
    app.use(spa.base, precompressedAssets(spa.dir));
    app.use(
      spa.base,
      express.static(spa.dir, {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader('Cache-Control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
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
