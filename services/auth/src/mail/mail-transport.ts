import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** SMTP when a relay is configured; otherwise each message becomes an .eml file a person or a test can open. */
export function createMailTransport(options: {
  smtpUrl?: string | undefined;
  outboxDir: string;
  from: string;
}): MailTransport {
  if (options.smtpUrl) {
    const smtp = createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      send: async (message) => {
        await smtp.sendMail({ from: options.from, ...message });
      },
      close: () => smtp.close(),
    };
  }
  const stream = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    send: async (message) => {
      const info = await stream.sendMail({ from: options.from, ...message });
      await mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(join(options.outboxDir, name), info.message as Buffer);
    },
    close: () => undefined,
  };
}
