import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { parseInput } from '../errors/index.ts';

/** Who may call a route; stated on every route, shown in the API docs. */
export type RouteAccess = 'public' | 'user' | 'owner' | 'admin' | 'internal';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteSpec<B extends Schema = Schema, Q extends Schema = Schema, P extends Schema = Schema> {
  method: Method;
  /** Express path relative to the router's mount point, e.g. `/sessions/:id`. */
  path: string;
  summary: string;
  access: RouteAccess;
  body?: B;
  query?: Q;
  params?: P;
  /** Status code → what it means, for the docs. */
  responses: Record<number, string>;
  /** Middleware that enforces `access` (token checks); runs before validation. */
  guard?: RequestHandler[];
}

export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
}

/**
 * Declares each route once: its access, its zod schemas and its answers. The same schemas validate the request
 * (a 400 naming the field) and describe it in the OpenAPI document, so the docs cannot drift from the code.
 */
export function documentedRouter(tag: string) {
  const router = Router();
  const specs: RouteSpec[] = [];
  const route = <B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
    spec: RouteSpec<B, Q, P>,
    handler: (input: RouteInput<B, Q, P>, req: Request, res: Response) => Promise<void> | void,
  ): void => {
    specs.push(spec);
    router[spec.method](spec.path, ...(spec.guard ?? []), async (req: Request, res: Response) => {
      const input = {
        body: spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined,
        query: spec.query ? parseInput(spec.query, req.query, 'query') : undefined,
        params: spec.params ? parseInput(spec.params, req.params, 'params') : undefined,
      } as RouteInput<B, Q, P>;
      await handler(input, req, res);
    });
  };
  return { router, route, tag, specs: () => [...specs] };
}

export type DocumentedRouter = ReturnType<typeof documentedRouter>;
