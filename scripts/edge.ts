import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inheritedEnv, publicAddresses, stackConfig } from './stack/config.ts';
import { holdDataDir } from './stack/data-dir-lock.ts';
import { ensureLocalCertificate, startNginx } from './stack/nginx.ts';
import { prettyLine } from './stack/pretty-log.ts';
import { startStack } from './stack/stack.ts';

// `npm run edge`: the embedded stack behind a real nginx with TLS on https://localhost:8443 (HTTP on 8080
// redirects; EDGE_HTTPS_PORT, EDGE_HTTP_PORT, EDGE_GATEWAY_PORT move them), as in production: nginx serves the
// SPAs and sets HSTS, the gateway trusts one proxy hop (the edge) and the services one (the gateway). It uses the
// same data folder as `npm start` (DATA_DIR), so the two cannot run at once on the embedded databases.
const HTTPS_PORT = stackConfig.EDGE_HTTPS_PORT;
const HTTP_PORT = stackConfig.EDGE_HTTP_PORT;
const GATEWAY_PORT = stackConfig.EDGE_GATEWAY_PORT;
const addresses = publicAddresses(stackConfig, `https://localhost:${HTTPS_PORT}`);
const origin = addresses.PUBLIC_URL;
const { cert, key, ca } = ensureLocalCertificate();

if (!stackConfig.DATABASE_URL) await holdDataDir(stackConfig.DATA_DIR, 'npm run edge');
const stack = await startStack({
  // The gateway's CORS and the agent's sockets allow the edge's origin.
  env: { ...inheritedEnv, DATA_DIR: stackConfig.DATA_DIR, LOG_LEVEL: stackConfig.LOG_LEVEL, ...addresses },
  envFor: (name) =>
    name === 'api-gateway'
      ? { TRUST_PROXY_HOPS: '1', SERVE_FRONTENDS: 'false' }
      : { COOKIE_SECURE: 'true', SEED_DEMO_ACCOUNTS: 'true' },
  ports: {
    'api-gateway': GATEWAY_PORT,
    auth: stackConfig.AUTH_PORT,
    search: stackConfig.SEARCH_PORT,
    booking: stackConfig.BOOKING_PORT,
    'ai-agent': stackConfig.AI_AGENT_PORT,
    insights: stackConfig.INSIGHTS_PORT,
  },
  gatewayMetricsPort: stackConfig.GATEWAY_METRICS_PORT,
  logDir: join(stackConfig.DATA_DIR, 'logs'),
  onLine: (name, line) => process.stdout.write(`${prettyLine(name, line, process.stdout.isTTY)}\n`),
});
const nginx = await startNginx({
  runtimeDir: await mkdtemp(join(tmpdir(), 'tripwise-nginx-')),
  gateway: `127.0.0.1:${GATEWAY_PORT}`,
  httpPort: HTTP_PORT,
  httpsPort: HTTPS_PORT,
  cert,
  key,
});
process.stdout.write(`\n  Tripwise is behind nginx: ${origin}/  (trust ${ca} to avoid the certificate warning)\n\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await nginx.stop();
  await stack.stop();
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
