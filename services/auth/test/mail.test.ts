import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { captureLogs, openTestDb } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@tripwise/platform/db';
import { enqueueMail } from '../src/data/mail-outbox.repository.ts';
import { createMailTransport } from '../src/mail/mail-transport.ts';
import { createMailWorker } from '../src/mail/mail-worker.ts';
import { migrationsDir } from './given-an-auth-service.ts';

// A real SMTP server on loopback standing in for the relay: it speaks the protocol and keeps what it receives.
let received: { from: string; to: string[]; data: string }[] = [];
let rejectNext = 0;
let smtp: SMTPServer;
let smtpPort: number;
let db: Db;

beforeAll(async () => {
  db = await openTestDb({ migrationsDir });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext--;
          callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.close();
});

describe('mail', () => {
  test('When SMTP_URL is set, then queued mail is delivered over SMTP and its body is dropped from the queue', async () => {
    received = [];
    const worker = createMailWorker({
      db,
      transport: createMailTransport({
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        outboxDir: '/nonexistent',
        from: 'Tripwise <no-reply@tripwise.test>',
      }),
      logger: captureLogs().logger,
    });
    await enqueueMail(db, { to: 'ann@example.test', subject: 'Hello', text: 'Your link: https://x/#token=abc' });
    expect(await worker.drain()).toBe(1);
    await worker.close();
    expect(received).toEqual([expect.objectContaining({ from: 'no-reply@tripwise.test', to: ['ann@example.test'] })]);
    expect(received[0]!.data).toContain('Subject: Hello');
    const { rows } = await db.query<{ body_text: string; sent_at: Date | null }>(
      `SELECT body_text, sent_at FROM mail_outbox WHERE recipient = 'ann@example.test'`,
    );
    expect(rows).toEqual([{ body_text: '', sent_at: expect.any(Date) }]);
  });

  test('When the relay refuses a message, then it stays queued and is sent on a later attempt', async () => {
    received = [];
    rejectNext = 1;
    const worker = createMailWorker({
      db,
      transport: createMailTransport({
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        outboxDir: '/nonexistent',
        from: 'no-reply@tripwise.test',
      }),
      logger: captureLogs().logger,
    });
    await enqueueMail(db, { to: 'bob@example.test', subject: 'Retry me', text: 'x' });
    await worker.drain();
    expect(received).toEqual([]);
    const { rows } = await db.query<{ attempts: number; last_error: string }>(
      `SELECT attempts, last_error FROM mail_outbox WHERE recipient = 'bob@example.test'`,
    );
    expect(rows[0]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('temporarily unavailable') });
    await db.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = 'bob@example.test'`); // the back-off has passed
    await worker.drain();
    await worker.close();
    expect(received.map((r) => r.to)).toEqual([['bob@example.test']]);
  });

  test('When no relay is configured, then each message is an .eml file in the outbox folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripwise-outbox-'));
    const transport = createMailTransport({ outboxDir: dir, from: 'no-reply@tripwise.test' });
    await transport.send({ to: 'cy@example.test', subject: 'Outbox', text: 'Hi' });
    const files = await readdir(dir);
    expect(files).toEqual([expect.stringMatching(/\.eml$/)]);
    expect(await readFile(join(dir, files[0]!), 'utf8')).toMatch(/To: cy@example.test[\s\S]*Subject: Outbox/);
    await rm(dir, { recursive: true, force: true });
  });
});
