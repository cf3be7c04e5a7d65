import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '@tripwise/platform/config';
import type { Db } from '@tripwise/platform/db';
import { createCardSimulator } from './card-simulator/card-simulator.app.ts';

/**
 * The built-in card processor: the simulation on a loopback port of its own, reached over HTTP like a real one,
 * with a secret key generated on first start into the data folder.
 */
export async function startBuiltInProcessor(db: Db, dataDir: string) {
  const secret = await readOrCreateSecretFile(join(dataDir, 'booking', 'payments-secret-key'), 24);
  const secretKey = `sk_test_${secret.toString('base64url')}`;
  const server = createServer(createCardSimulator(db, { secretKey }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
