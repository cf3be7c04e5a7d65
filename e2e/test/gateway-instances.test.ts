import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteRedisKeys, listen, testEnv, uniqueSchemaName, type TestServer } from '@tripwise/platform/testing';
import { ENTRY_POINTS, REPO_ROOT } from '../../scripts/stack/processes.ts';

// Two gateway processes sharing one Redis, as when the gateway is scaled out: a client's requests are counted
// together whichever instance gets them.
const prefix = `${uniqueSchemaName('gw')}:`;
const gateways: { child: ChildProcess; url: string }[] = [];
let upstream: TestServer;

async function startGateway(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(REPO_ROOT, ENTRY_POINTS['api-gateway']), [], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      // Each instance's metrics on a port of its own (9464 by default: the second would find it taken).
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      REDIS_URL: testEnv.REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_URL: upstream.url,
      SERVE_FRONTENDS: 'false',
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_WRITES_PER_MINUTE: '5',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { child, url: `http://127.0.0.1:${message.port}` };
}

describe.runIf(testEnv.REDIS_URL)('two gateway processes on one Redis', () => {
  beforeAll(async () => {
    upstream = await listen((_req, res) => res.writeHead(204).end());
    gateways.push(await startGateway(), await startGateway());
  });
  afterAll(async () => {
    for (const g of gateways) {
      g.child.kill('SIGTERM');
      await once(g.child, 'exit');
    }
    await upstream.close();
    await deleteRedisKeys(testEnv.REDIS_URL!, prefix);
  });

  test('When one client alternates between the instances, then the write limit counts every request once', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${gateways[i % 2]!.url}/api/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
        body: '{}',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429]);
  });
});
