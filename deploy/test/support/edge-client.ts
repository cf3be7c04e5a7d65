import { request } from 'node:https';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T>(): T;
}

/** HTTPS to the edge on 127.0.0.1, as a browser at https://localhost would (SNI and the local CA). */
export function edgeClient(port: number, ca: Buffer) {
  return function call(
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: unknown; token?: string } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          servername: 'localhost',
          path,
          method: init.method ?? 'GET',
          ca,
          headers,
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${path}: no answer within 30 s`)));
      req.on('error', reject);
      req.end(init.body === undefined ? undefined : JSON.stringify(init.body));
    });
  };
}

export type EdgeCall = ReturnType<typeof edgeClient>;
