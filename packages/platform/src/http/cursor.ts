import type { z } from 'zod';
import { badRequest } from '../errors/index.ts';

/** An opaque page cursor: base64url JSON, so clients pass it back untouched and cannot build one by hand. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor, or answers a 400 naming the parameter. */
export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string | undefined): z.infer<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('cursor (query): not a cursor from a previous page', [
      { in: 'query', field: 'cursor', message: 'the nextCursor of a previous page' },
    ]);
  }
}
