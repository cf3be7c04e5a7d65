import { z } from 'zod';

/** One invalid input, named so that a client can show the message next to the right field. */
export const fieldErrorSchema = z.object({
  in: z.enum(['body', 'query', 'params', 'headers']),
  /** Dotted path of the field, e.g. `travelers.0.email`. */
  field: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, as every Tripwise error response carries them. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;
