import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import { leaseDueMail, markMailFailed, markMailSent } from '../data/mail-outbox.repository.ts';
import type { MailTransport } from './mail-transport.ts';

const BATCH = 10;
const POLL_MS = 1_000;
const MAX_BACKOFF_MS = 15 * 60_000;
const LEASE_MS = 2 * 60_000;

export interface MailWorker {
  /** Sends what is due now; the service also runs it as a background task every `pollMs`. */
  drain: () => Promise<number>;
  pollMs: number;
  /** Waits for a batch being sent, then closes the transport. */
  close: () => Promise<void>;
}

/**
 * Sends queued mail in the background, so no request waits on SMTP (and a response cannot reveal by its timing
 * whether a message was sent). Failures retry with exponential back-off; nothing is dropped.
 */
export function createMailWorker(options: { db: Db; transport: MailTransport; logger: Logger }): MailWorker {
  const { db, transport, logger } = options;
  let running: Promise<number> | undefined;

  // No transaction is held while sending: with PGlite's single connection it would stall every request.
  const sendBatch = async () => {
    const due = await leaseDueMail(db, BATCH, LEASE_MS);
    for (const mail of due) {
      try {
        await transport.send(mail);
        await markMailSent(db, mail.id);
      } catch (err) {
        const retryIn = Math.min(MAX_BACKOFF_MS, 2 ** mail.attempts * 5_000);
        logger.warn('sending mail failed; will retry', { mailId: mail.id, attempts: mail.attempts + 1, err });
        await markMailFailed(db, mail.id, err instanceof Error ? err.message : String(err), retryIn);
      }
    }
    return due.length;
  };

  const drain = async () => {
    // One batch at a time per instance; a caller arriving meanwhile waits for it rather than starting another.
    running ??= (async () => {
      let total = 0;
      for (let sent = await sendBatch(); sent > 0; sent = await sendBatch()) total += sent;
      return total;
    })().finally(() => (running = undefined));
    return running;
  };

  return {
    drain,
    pollMs: POLL_MS,
    async close() {
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}
