import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenAGateway, type RunningGateway } from './given-a-gateway.ts';

// A message as nodemailer writes it to the outbox: quoted-printable, so `=` is `=3D` and long lines are broken.
const EML = [
  'Content-Type: text/plain; charset=utf-8',
  'From: Tripwise <no-reply@tripwise.test>',
  'To: ada@example.com',
  'Subject: Confirm your email',
  'Date: Mon, 07 Dec 2026 15:00:00 +0000',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hello Ad=C3=A1, confirm it: http://localhost:9000/verify-email#token=3DAbCdEfGhIjKlMnOpQrStUv=',
  'WxYz0123456789_-abcdefg',
  '',
].join('\n');

let outbox: string;
let gateway: RunningGateway;
beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'tripwise-outbox-'));
  await writeFile(join(outbox, '2026-12-07T15-00-00.000Z-abcd1234.eml'), EML);
  gateway = await givenAGateway({ DEV_MAIL_OUTBOX_DIR: outbox });
});
afterAll(async () => {
  await gateway.close();
  await rm(outbox, { recursive: true, force: true });
});

describe('GET /dev/mail (the embedded stack’s outbox)', () => {
  test('When the outbox is opened on this machine, then each message is listed and shows its link whole and clickable', async () => {
    const list = await fetch(`${gateway.url}/dev/mail`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('Confirm your email');
    const href = /href="(\/dev\/mail\/[^"]+)"/.exec(html)?.[1];
    const mail = await (await fetch(`${gateway.url}${href}`)).text();
    const link = 'http://localhost:9000/verify-email#token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefg';
    expect(mail).toContain(`<a href="${link}">${link}</a>`);
    expect(mail).toContain('Hello Adá');
  });

  test('When a name outside the outbox is asked for, then nothing is read', async () => {
    expect((await fetch(`${gateway.url}/dev/mail/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/dev/mail/nope.eml`)).status).toBe(404);
  });

  test('When the request comes from another machine, then the outbox does not exist for it', async () => {
    const behindEdge = await givenAGateway({ DEV_MAIL_OUTBOX_DIR: outbox, TRUST_PROXY_HOPS: 1 });
    try {
      const res = await fetch(`${behindEdge.url}/dev/mail`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(res.status).toBe(404);
    } finally {
      await behindEdge.close();
    }
  });
});
