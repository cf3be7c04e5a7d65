import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type Request } from 'express';

/*
 * The embedded stack's mail, readable in the browser: auth writes each message as an .eml file to the outbox
 * folder (no SMTP relay); copying a link out of a quoted-printable file breaks it, so this lists the messages
 * and shows each decoded, with its links clickable. Development only, and only to this machine.
 */

interface Mail {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

/** Quoted-printable: soft line breaks removed, =XX bytes put back, then read as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const joined = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/i.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function parse(id: string, raw: string): Mail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const body = raw.slice(split).trim();
  return {
    id,
    to: header('To'),
    subject: header('Subject'),
    date: header('Date'),
    text: /quoted-printable/i.test(head) ? decodeQuotedPrintable(body) : body,
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const linked = (text: string) => escape(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Tripwise mail</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>${body}</body></html>`;

/** Only a browser on this machine may read the outbox: it holds sign-up and password-reset links. */
const fromThisMachine = (req: Request) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.ip ?? '');

export function devMailRouter(outboxDir: string): Router {
  const router = Router();
  const list = async () => {
    const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml'));
    return names.sort().reverse();
  };
  router.get('/dev/mail', async (req, res) => {
    if (!fromThisMachine(req)) return void res.status(404).end();
    const mails = await Promise.all(
      (await list()).slice(0, 200).map(async (name) => parse(name, await readFile(join(outboxDir, name), 'utf8'))),
    );
    const rows = mails
      .map(
        (m) =>
          `<li><a href="/dev/mail/${encodeURIComponent(m.id)}">${escape(m.subject)}</a> to ${escape(m.to)}, ${escape(m.date)}</li>`,
      )
      .join('');
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        page(
          'Outbox',
          `<h1>Mail sent by this Tripwise (newest first)</h1>${rows ? `<ul>${rows}</ul>` : '<p>No mail yet.</p>'}`,
        ),
      );
  });
  router.get('/dev/mail/:id', async (req, res) => {
    const id = req.params.id;
    if (!fromThisMachine(req) || !/^[\w.-]+\.eml$/.test(id) || !(await list()).includes(id)) {
      return void res.status(404).end();
    }
    const mail = parse(id, await readFile(join(outboxDir, id), 'utf8'));
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        page(
          mail.subject,
          `<p><a href="/dev/mail">All mail</a></p><h1>${escape(mail.subject)}</h1>` +
            `<p>To ${escape(mail.to)}, ${escape(mail.date)}</p><pre>${linked(mail.text)}</pre>`,
        ),
      );
  });
  return router;
}
