import { z } from 'zod';
import { toStateCode } from './us-states.ts';

/** A US state by abbreviation or full name, kept as its abbreviation. */
export const stateSchema = z.string().transform((value, ctx) => {
  const code = toStateCode(value);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: 'a US state: its abbreviation (MA) or full name (Massachusetts)' });
  }
  return code ?? '';
});

export const zipSchema = z
  .string()
  .trim()
  .regex(/^\d{5}(-\d{4})?$/, { error: 'a ZIP code: 12345 or 12345-6789' });

/** Spaces, dots, dashes and brackets are ignored; ten digits are taken as a US number. Stored as E.164. */
export const phoneSchema = z.string().transform((value, ctx) => {
  const digits = value.replace(/[\s().-]/g, '');
  const e164 = /^\d{10}$/.test(digits) ? `+1${digits}` : digits.startsWith('+') ? digits : `+${digits}`;
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) {
    ctx.addIssue({ code: 'custom', message: 'a phone number with country code, e.g. +1 617 555 0100' });
  }
  return e164;
});
