import { createServer } from 'node:http';

/** One alert of Alertmanager's webhook payload (version 4). */
export interface WebhookAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
}

/** A notification as received: which receiver path it came to (/page, /ticket) and its alerts. */
export interface Notification {
  receiver: string;
  status: 'firing' | 'resolved';
  alerts: WebhookAlert[];
}

/**
 * A local receiver of Alertmanager's webhook notifications on loopback: `npm run monitor` prints them, the live test
 * waits for the one it expects.
 */
export async function startWebhookReceiver(onNotification?: (notification: Notification) => void) {
  const notifications: Notification[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<Notification, 'receiver'>;
        const notification = { receiver: (req.url ?? '/').slice(1), status: body.status, alerts: body.alerts };
        notifications.push(notification);
        onNotification?.(notification);
        for (const wake of waiters) wake();
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    notifications,
    /** The first notification that matches, received before or within `timeoutMs`. */
    waitFor(match: (n: Notification) => boolean, timeoutMs: number): Promise<Notification> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = notifications.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching notification within ${timeoutMs} ms; got ${JSON.stringify(notifications)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
