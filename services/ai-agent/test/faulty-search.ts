import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between the agent and the real search service and answers 503 to the first `failures` calls whose path
 * starts with `path` (Infinity: every one): a search that is down, or cold and failing once.
 */
export async function faultySearch(target: string, path: string, failures: number) {
  const to = new URL(target);
  let failed = 0;
  const server = createServer((req, res) => {
    if (req.url?.startsWith(path) && failed < failures) {
      failed++;
      res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"status":503}');
      return;
    }
    const upstream = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** How many calls it failed so far. */
    failed: () => failed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
