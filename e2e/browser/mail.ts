import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Undoes quoted-printable soft line breaks and escapes, so links read as the user's mail client shows them. */
function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parse(raw: string): Mail {
  const split = raw.indexOf('\n\n');
  const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const body = raw.slice(split + 2);
  const text = /quoted-printable/i.test(head) ? decodeQuotedPrintable(body) : body;
  return { to: header('To'), subject: header('Subject'), text };
}

/** The newest message to `to` whose subject matches, waiting for the mail worker to write it. */
export async function waitForMail(mailDir: string, to: string, subject: RegExp, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(mailDir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
    for (const name of names.reverse()) {
      const mail = parse(await readFile(join(mailDir, name), 'utf8'));
      if (mail.to.includes(to) && subject.test(mail.subject)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${String(subject)} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the mail that goes to `path` on our site (e.g. /verify-email). */
export function linkIn(mail: Mail, path: string): string {
  const link = new RegExp(`https?://\\S+${path}\\S*`).exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${path} link in "${mail.subject}"`);
  return link;
}
