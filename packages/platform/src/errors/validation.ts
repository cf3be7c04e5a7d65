import type { z } from 'zod';
import { badRequest, type FieldError } from './app-error.ts';

/**
 * Parses one part of a request with a zod schema; on failure throws a 400 whose `errors` name every bad field
 * and whose detail names the first.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: FieldError['in']): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    in: where,
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const first = errors[0];
  const detail = first ? `${first.field} (${where}): ${first.message}` : `The ${where} is invalid.`;
  throw badRequest(detail, errors);
}
