import { join } from 'node:path';
import { monitorConfig as config } from '../monitoring/src/config.ts';
import { writeGeneratedFiles } from '../monitoring/src/generated-files.ts';
import { stackPorts } from '../monitoring/src/prometheus/targets.ts';
import { startLocalMonitoring } from '../monitoring/src/runtime/local-monitoring.ts';
import { findTool, INSTALL_HINT } from '../monitoring/src/runtime/tools.ts';
import type { Notification } from '../monitoring/src/runtime/webhook-receiver.ts';

// `npm run monitor`: Prometheus and Alertmanager (Debian's packages) watching the stack `npm start` runs, on
// loopback, their data in the stack's data folder; alerts are printed here. `npm run monitor -- generate` writes
// monitoring/'s generated files again after a change to monitoring/src.
const out = (text: string) => process.stdout.write(`${text}\n`);

if (process.argv[2] === 'generate') {
  const written = await writeGeneratedFiles();
  out(`monitor: wrote ${written.length} files under monitoring/`);
  process.exit(0);
}

const missing = (['prometheus', 'alertmanager'] as const).filter((tool) => !findTool(tool));
if (missing.length > 0) {
  process.stderr.write(`monitor: ${missing.join(' and ')} not found; ${INSTALL_HINT}\n`);
  process.exit(1);
}

const ports = stackPorts(config.stack);
const gateway = `http://127.0.0.1:${config.stack.PORT}`;
const running = await fetch(`${gateway}/health`, { signal: AbortSignal.timeout(2_000) }).then(
  (res) => res.ok,
  () => false,
);
if (!running) out(`monitor: nothing answers at ${gateway}; the targets show as down until \`npm start\` runs.`);

const describe = (n: Notification) =>
  n.alerts
    .map(
      (a) =>
        `  ${a.status.toUpperCase()} ${a.labels.alertname} [${n.receiver}] ${a.labels.service ?? ''}: ${a.annotations.summary ?? ''}`,
    )
    .join('\n');

const monitoring = await startLocalMonitoring({
  dir: join(config.stack.DATA_DIR, 'monitoring'),
  ports,
  prometheusPort: config.PROMETHEUS_PORT,
  alertmanagerPort: config.ALERTMANAGER_PORT,
  interval: '15s',
  // Shorter than production's waits, so a developer sees a notification within a minute.
  timings: { pageGroupWait: '10s', ticketGroupWait: '30s', groupInterval: '1m', pageRepeat: '1h', ticketRepeat: '4h' },
  environment: 'embedded',
  onNotification: (n) => out(`monitor: alert notification\n${describe(n)}`),
  onLine: (server, line) => {
    if (/level=(error|warn)/.test(line)) out(`${server}: ${line}`);
  },
});

out(`
  Monitoring the stack on ${gateway} (data in ${join(config.stack.DATA_DIR, 'monitoring')}).

    Prometheus:    ${monitoring.prometheus.url}/targets   (alerts: ${monitoring.prometheus.url}/alerts)
    Alertmanager:  ${monitoring.alertmanager.url}/
    Notifications: printed here as Alertmanager sends them.

  Press Ctrl-C to stop.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await monitoring.stop();
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
for (const server of [monitoring.prometheus, monitoring.alertmanager]) {
  void server.exited.then((code) => {
    if (stopping) return;
    process.stderr.write(`monitor: ${server.name} stopped unexpectedly (exit code ${code}); stopping.\n`);
    process.exitCode = 1;
    void stop();
  });
}
