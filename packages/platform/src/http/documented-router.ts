import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { parseInput } from '../errors/index.ts';
import { guardFor, type AccessPolicy, type IdentityFor, type RouteAccess } from './route-access.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteSpec<
  B extends Schema = Schema,
  Q extends Schema = Schema,
  P extends Schema = Schema,
  A extends RouteAccess = RouteAccess,
> {
  method: Method;
  /** Express path relative to the router's mount point, e.g. `/sessions/:id`. */
  path: string;
  summary: string;
  /** Who may call it: the guard is made from this, so the docs and the enforcement cannot disagree. */
  access: A;
  /** Part of signing in or setting up a second factor: an admin without one may call it (nothing else). */
  secondFactorSetup?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  /** Status code → what it means, for the docs. */
  responses: Record<number, string>;
  /**
   * The answer must not be stored by any cache (it carries credentials). Implied on every route that is not public:
   * what depends on who calls is never cached.
   */
  noStore?: boolean;
  /** Middleware that is not about who calls (content-type checks), run after the access guard. */
  before?: RequestHandler[];
}

export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema, A extends RouteAccess = RouteAccess> {
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  /** The verified caller on routes that need one; never taken from anything but a verified token. */
  identity: IdentityFor<A>;
}

/**
 * Nothing that depends on who calls is stored, nor revalidated: without the validators, Express never answers 304
 * Not Modified from a cached copy (`If-None-Match` against the ETag it computes) to whoever presents them.
 */
const noStore: RequestHandler = (req, res, next) => {
  res.set('Cache-Control', 'no-store');
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];
  next();
};

type Handler = (input: RouteInput<Schema, Schema, Schema>, req: Request, res: Response) => Promise<void> | void;

/**
 * Declares each route once: its access, its zod schemas and its answers. The same declaration guards the route,
 * validates the request (a 400 naming the field) and describes it in the OpenAPI document, so none can drift.
 * Routes are collected here and become an Express router when the service mounts them with its access policy.
 */
export function documentedRouter(tag: string) {
  const routes: { spec: RouteSpec; handler: Handler }[] = [];
  const route = <
    B extends Schema = undefined,
    Q extends Schema = undefined,
    P extends Schema = undefined,
    A extends RouteAccess = RouteAccess,
  >(
    spec: RouteSpec<B, Q, P, A>,
    handler: (input: RouteInput<B, Q, P, A>, req: Request, res: Response) => Promise<void> | void,
  ): void => {
    routes.push({ spec, handler: handler as Handler });
  };
  const build = (policy: AccessPolicy): Router => {
    const router = Router();
    for (const { spec, handler } of routes) {
      const guard = guardFor(spec.access, policy, { secondFactorSetup: spec.secondFactorSetup });
      const caching = spec.noStore || spec.access !== 'public' ? [noStore] : [];
      // The template is recorded as the route matches: once an error reaches the error handler, Express has already
      // restored req.baseUrl, and the metrics and access log would read the path without its mount.
      const labelled: RequestHandler = (req, res, next) => {
        res.locals.routeLabel ??= `${req.baseUrl}${spec.path}`;
        next();
      };
      router[spec.method](
        spec.path,
        labelled,
        ...caching,
        ...guard,
        ...(spec.before ?? []),
        async (req: Request, res: Response) => {
          const input = {
            body: spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined,
            query: spec.query ? parseInput(spec.query, req.query, 'query') : undefined,
            params: spec.params ? parseInput(spec.params, req.params, 'params') : undefined,
            identity: spec.access === 'public' || spec.access === 'internal' ? undefined : req.identity,
          };
          await handler(input, req, res);
        },
      );
    }
    return router;
  };
  return { route, tag, specs: (): RouteSpec[] => routes.map((r) => r.spec), build };
}

export type DocumentedRouter = ReturnType<typeof documentedRouter>;
