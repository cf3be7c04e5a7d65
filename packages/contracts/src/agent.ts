import { z } from 'zod';
import { intentRequestSchema } from './intent.ts';

// Asking the runtime means building a formatter, which is costly; the answer for a zone never changes.
const knownZones = new Set<string>();
function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

/** An IANA time zone such as America/New_York, checked against the runtime's own list. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { error: 'an IANA time zone such as America/New_York' });

/** `POST /api/ai/intent`: a conversation's turns, read as the agent would read them. */
export const intentApiRequestSchema = z.strictObject({
  turns: z.array(z.string().max(2_000)).min(1).max(50),
  /** The conversation's moment (relative dates are resolved against it); default: now. */
  now: z.iso.datetime({ offset: true }).optional(),
  timeZone: timeZoneSchema.default('America/New_York'),
});

/** `POST /api/ai/chat`: one message in a conversation (a new one without `sessionId`). */
export const chatRequestSchema = z.strictObject({
  sessionId: z.uuid().optional(),
  message: z.string().trim().min(1, { error: 'say something' }).max(2_000),
  timeZone: timeZoneSchema.default('America/New_York'),
});

/** `POST /api/ai/bundles`: plan from a structured request, synchronously (no chat, no socket). */
export const bundlesRequestSchema = z.strictObject({
  request: intentRequestSchema,
});

export const planStageSchema = z.enum([
  'understanding',
  'searching_flights',
  'searching_hotels',
  'searching_cars',
  'building_bundles',
  'done',
]);

/** What the socket sends for a job, in order; `seq` counts from 1 and never repeats within a job. */
export const planProgressSchema = z.object({
  jobId: z.uuid(),
  seq: z.number().int().positive(),
  stage: planStageSchema,
  percent: z.number().int().min(0).max(100),
  message: z.string(),
  /** The W3C trace id of the chat message that started the job (for support: `npm run logs -- <it>`). */
  traceId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});

export type IntentApiRequest = z.infer<typeof intentApiRequestSchema>;
export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type PlanStage = z.infer<typeof planStageSchema>;
export type PlanProgress = z.infer<typeof planProgressSchema>;
