import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { HttpAnswer } from './think-time.ts';

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * Any method over kept-alive connections (one per concurrent request), timed from sending to the answer's last
 * byte, like httpGetter but with headers and JSON bodies, for flows that write. A request that takes longer than
 * `timeoutMs` is abandoned with an error, so a stuck server cannot stall a bounded run.
 */
export function httpClient(baseUrl: string, timeoutMs = 60_000) {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 4096 });
  const send = (call: HttpCall): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
      const t0 = performance.now();
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: call.path,
          method: call.method,
          agent,
          timeout: timeoutMs,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...call.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - t0,
            }),
          );
          res.once('error', reject);
        },
      );
      req.once('timeout', () =>
        req.destroy(new Error(`no answer within ${timeoutMs} ms: ${call.method} ${call.path}`)),
      );
      req.once('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}
