import type { AddressInfo } from 'node:net';
import type { RequestListener, Server } from 'node:http';
import { createServer } from 'node:http';

export interface TestServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Serves a handler (an Express app, a stub) on a free loopback port (or the given one, to restart a stub). */
export async function listen(handler: RequestListener, port = 0): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
