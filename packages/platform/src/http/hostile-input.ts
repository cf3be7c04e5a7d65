import express, { type RequestHandler } from 'express';
import { AppError } from '../errors/index.ts';

/** How deeply JSON bodies may nest: our own shapes need 5; a body 10,000 levels deep is an attack on the stack. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of objects and arrays in a JSON text, read from its bytes without parsing (brackets inside
 * strings do not count). One pass, no recursion and no allocation, so it is safe on any body the size limit let in.
 */
export function jsonNestingDepth(body: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return deepest;
}

/** Thrown from the body parser's verify step; body-parser keeps its status (400) and exposes it. */
class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor(maxDepth: number) {
    super(`The JSON body nests deeper than ${maxDepth} levels.`);
  }
}

/**
 * Express's JSON body parser with a bound on nesting depth as well as size: a deeply nested body is a 400 before it
 * is parsed, so nothing downstream (validation, re-serialising it for a proxy, logging) recurses through it.
 */
export function jsonBody(options: { limit: string; maxDepth?: number }): RequestHandler {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return express.json({
    limit: options.limit,
    verify: (_req, _res, body) => {
      if (jsonNestingDepth(body) > maxDepth) throw new TooDeepError(maxDepth);
    },
  });
}

/**
 * Refuses a path whose percent-encoding is malformed (`/api/bookings/%FF%FE`) with a 400, before any router or
 * proxy tries to decode it: a request the server cannot even read is the client's mistake, never a 500.
 */
export const rejectMalformedPath: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    throw new AppError('malformed-uri', 400, 'Bad request', {
      detail: 'The path has invalid percent-encoding.',
      errors: [{ in: 'params', field: '(path)', message: 'invalid percent-encoding' }],
    });
  }
  next();
};
