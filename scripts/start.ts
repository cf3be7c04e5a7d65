import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inheritedEnv, publicAddresses, stackConfig as config } from './stack/config.ts';
import { holdDataDir } from './stack/data-dir-lock.ts';
import { importDemoData } from './stack/demo-data.ts';
import { fileLogLevel, prettyLine, shownAt } from './stack/pretty-log.ts';
import { startStack } from './stack/stack.ts';

// The human entry point behind `npm start`: every service and the gateway, on the embedded defaults unless
// DATABASE_URL / REDIS_URL say otherwise.
const color = process.stdout.isTTY;

if (!config.DATABASE_URL) await holdDataDir(config.DATA_DIR, 'npm start');
const stack = await startStack({
  env: {
    ...inheritedEnv,
    DATA_DIR: config.DATA_DIR,
    LOG_LEVEL: fileLogLevel(config.LOG_LEVEL),
    ...publicAddresses(config, `http://localhost:${config.PORT}`),
  },
  ports: {
    'api-gateway': config.PORT,
    auth: config.AUTH_PORT,
    search: config.SEARCH_PORT,
    booking: config.BOOKING_PORT,
    'ai-agent': config.AI_AGENT_PORT,
    insights: config.INSIGHTS_PORT,
  },
  gatewayMetricsPort: config.GATEWAY_METRICS_PORT,
  // One file per process, for `npm run logs -- <request or trace id>`.
  logDir: join(config.DATA_DIR, 'logs'),
  // The demo seeds one account per role, with passwords generated into the data folder on first start; without an
  // SMTP relay, auth's mail lands in the outbox folder, which the gateway shows at /dev/mail.
  envFor: (name) =>
    name === 'auth'
      ? { SEED_DEMO_ACCOUNTS: inheritedEnv.SEED_DEMO_ACCOUNTS ?? 'true' }
      : name === 'api-gateway' && !inheritedEnv.SMTP_URL
        ? { DEV_MAIL_OUTBOX_DIR: inheritedEnv.MAIL_OUTBOX_DIR ?? join(config.DATA_DIR, 'mail-outbox') }
        : {},
  onLine: (name, line, stream) => {
    if (!shownAt(line, config.LOG_LEVEL)) return;
    const out = config.LOG_FORMAT === 'json' ? line : prettyLine(name, line, color);
    (stream === 'stderr' ? process.stderr : process.stdout).write(`${out}\n`);
  },
});

const gatewayPort = new URL(stack.gatewayUrl).port;
const storage = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`;
const kv = config.REDIS_URL ? 'Redis' : 'in-process stores';
interface DemoAccount {
  role: string;
  email: string;
  password: string;
  otpauthUri?: string;
}
const demo = await readFile(join(config.DATA_DIR, 'auth', 'demo-accounts.json'), 'utf8')
  .then((text) => JSON.parse(text) as DemoAccount[])
  .catch(() => []);
const demoLines = demo.map(
  (a) =>
    `    ${a.role.padEnd(9)} ${a.email.padEnd(28)} ${a.password}` +
    (a.otpauthUri ? `\n              2FA: add ${a.otpauthUri} to an authenticator app` : ''),
);
process.stdout.write(`
  Tripwise is running (${storage}, ${kv}).

    Travelers:        http://localhost:${gatewayPort}/
    Owners & admins:  http://localhost:${gatewayPort}/admin/
${inheritedEnv.SMTP_URL ? '' : `    Mail it sent:     http://localhost:${gatewayPort}/dev/mail\n`}${demoLines.length ? `\n  Demo accounts (kept in ${join(config.DATA_DIR, 'auth')}):\n${demoLines.join('\n')}\n` : ''}
  Press Ctrl-C to stop.

`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping Tripwise…\n');
  const codes = await stack.stop();
  const failed = Object.entries(codes).filter(([, code]) => code !== 0);
  for (const [name, code] of failed) process.stderr.write(`${name} exited with code ${code}\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
for (const proc of stack.processes) {
  void proc.exited.then((code) => {
    if (stopping) return;
    process.stderr.write(`${proc.name} stopped unexpectedly (exit code ${code}); stopping the rest.\n`);
    void shutdown().then(() => (process.exitCode = 1));
  });
}

// After the banner, not before it: the history takes a little while on a first start, and the site is usable meanwhile.
if (config.SEED_DEMO_HISTORY === 'true') {
  const url = (name: string) => stack.processes.find((p) => p.name === name)!.url;
  void importDemoData({
    DATA_DIR: config.DATA_DIR,
    INTERNAL_SERVICE_TOKEN: config.INTERNAL_SERVICE_TOKEN,
    urls: { auth: url('auth'), search: url('search'), booking: url('booking') },
  }).then(
    (line) => process.stdout.write(`  ${line}\n`),
    (err: unknown) =>
      stopping ||
      process.stderr.write(
        `  The demo booking history could not be imported (${(err as Error).message}); ` +
          'run `npm run seed -w services/booking` to try again.\n',
      ),
  );
}
