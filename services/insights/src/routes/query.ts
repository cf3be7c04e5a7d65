import { z } from 'zod';

const DAY_MS = 86_400_000;
const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A range of days, `to` exclusive; the last 30 days (today included) unless given; a year at most. */
export const dayRange = z.object({ from: day.optional(), to: day.optional() });
export function withDefaults<T extends { from?: string | undefined; to?: string | undefined }>(q: T) {
  const to = q.to ?? isoDay(Date.now() + DAY_MS);
  const from = q.from ?? isoDay(Date.parse(to) - 30 * DAY_MS);
  return { ...q, from, to };
}
export const rangeRules = <S extends z.ZodType<{ from: string; to: string }>>(schema: S) =>
  schema
    .refine((q) => q.from < q.to, { path: ['to'], message: 'must be after `from`' })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * DAY_MS, {
      path: ['to'],
      message: 'the range spans at most a year',
    });

export const rangeQuery = rangeRules(dayRange.transform(withDefaults));
export const pagedRangeQuery = rangeRules(
  dayRange
    .extend({ limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().max(500).optional() })
    .transform(withDefaults),
);
