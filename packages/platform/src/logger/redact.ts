export const REDACTED = '[REDACTED]';

// Keys whose values are secrets wherever they appear (headers, bodies, errors).
const SECRET_KEY =
  /^(authorization|proxy-?authorization|cookie|set-?cookie|x-?api-?key|api-?key)$|pass(word|wd|phrase)|secret|token|^otp$|totp|mfa-?code|backup-?codes?|card-?number|^pan$|^cvc$|^cvv2?$|security-?code|private-?key/i;

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// 13-19 digits, optionally grouped by spaces or dashes: redacted only if it passes the Luhn check.
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Masks bearer credentials, JWTs and card numbers inside free text. */
export function redactString(text: string): string {
  return text
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(CARD_CANDIDATE, (m) => (passesLuhn(m.replace(/[ -]/g, '')) ? REDACTED : m));
}

const MAX_DEPTH = 8;

/**
 * Returns a copy of `value` with secrets masked; never mutates the input, because log metadata is often
 * a live object (a request's headers, a domain entity) that the caller keeps using.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && inner !== undefined && inner !== null ? REDACTED : redact(inner, depth + 1, seen);
  }
  return out;
}
