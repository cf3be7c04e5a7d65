import { describe, expect, test } from 'vitest';
import { REDACTED, redact, redactString } from '@tripwise/platform/logger';

describe('redact', () => {
  test('When headers hold credentials, then authorization, cookies and API keys are masked and the rest kept', () => {
    const headers = {
      authorization: 'Bearer abc.def.ghi',
      cookie: 'rt=secret',
      'set-cookie': ['rt=secret; HttpOnly'],
      'x-api-key': 'k-123',
      'user-agent': 'curl/8',
    };
    expect(redact({ headers })).toEqual({
      headers: {
        authorization: REDACTED,
        cookie: REDACTED,
        'set-cookie': REDACTED,
        'x-api-key': REDACTED,
        'user-agent': 'curl/8',
      },
    });
    expect(headers.authorization).toBe('Bearer abc.def.ghi'); // the input is not mutated
  });

  test('When a body holds passwords, tokens and card data at any depth, then they are masked', () => {
    const body = {
      email: 'a@b.test',
      password: 'hunter2',
      newPassword: 'x',
      refresh_token: 'r',
      payment: { cardNumber: '4242424242424242', cvc: '123', expMonth: 12 },
      travelers: [{ name: 'Ann', passwordHint: 'pet' }],
    };
    expect(redact(body)).toEqual({
      email: 'a@b.test',
      password: REDACTED,
      newPassword: REDACTED,
      refresh_token: REDACTED,
      payment: { cardNumber: REDACTED, cvc: REDACTED, expMonth: 12 },
      travelers: [{ name: 'Ann', passwordHint: REDACTED }],
    });
  });

  test('When free text contains a bearer token, a JWT or a card number, then only those are masked', () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
    expect(redactString(`calling with Bearer ${jwt} now`)).toBe(`calling with Bearer ${REDACTED} now`);
    expect(redactString(`token ${jwt}`)).toBe(`token ${REDACTED}`);
    expect(redactString('card 4242 4242 4242 4242 declined')).toBe(`card ${REDACTED} declined`);
    // Not a Luhn-valid number (a booking reference, a phone number): left alone.
    expect(redactString('order 1234567890123 shipped')).toBe('order 1234567890123 shipped');
  });

  test('When an object is circular or very deep, then redaction terminates', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[Circular]' });
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(JSON.stringify(redact(deep))).toContain('[Truncated]');
  });

  test('When an Error is logged, then its message is scrubbed too', () => {
    const err = new Error('upstream said Bearer abc123');
    expect(redact({ err })).toMatchObject({ err: { name: 'Error', message: `upstream said Bearer ${REDACTED}` } });
  });
});
