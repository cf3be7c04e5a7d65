import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CAUSE_ALERT_GROUPS, causeAlertRuleFile, causeRuleFileName } from '../alerts/index.ts';
import { alertmanagerConfig, webhookReceivers, type Timings } from '../alertmanager/config.ts';
import { toYaml } from '../files/yaml.ts';
import { embeddedConfig } from '../prometheus/configs.ts';
import { blackboxConfig } from '../prometheus/edge-probe.ts';
import type { ProcessName } from '../prometheus/targets.ts';
import { REPO_ROOT } from '../../../scripts/stack/processes.ts';
import { startAlertmanager, startBlackboxExporter, startPrometheus, type RunningServer } from './servers.ts';
import { startWebhookReceiver, type Notification, type WebhookReceiver } from './webhook-receiver.ts';

export const RULES_DIR = join(REPO_ROOT, 'monitoring', 'prometheus', 'rules');

export interface LocalMonitoringOptions {
  /** Configuration and data go here (the stack's data folder, or a test's temporary one). */
  dir: string;
  ports: Record<ProcessName, number>;
  prometheusPort: number;
  alertmanagerPort: number;
  /** Scrape and evaluation interval. */
  interval: string;
  timings: Timings;
  /** Every cause alert's `for:` replaced (the live test); otherwise the committed rule files are loaded as they are. */
  forOverride?: string;
  environment: string;
  /** The edge's public URLs, probed by a blackbox exporter on `blackboxPort` that trusts `caFile` (a local CA). */
  edge?: { targets: string[]; caFile: string; blackboxPort: number };
  onNotification?: (notification: Notification) => void;
  onLine?: (server: string, line: string) => void;
}

export interface LocalMonitoring {
  prometheus: RunningServer;
  alertmanager: RunningServer;
  blackbox?: RunningServer;
  webhook: WebhookReceiver;
  stop(): Promise<void>;
}

/**
 * Prometheus scraping a stack on this machine, evaluating Tripwise's rules and sending alerts to an Alertmanager
 * that routes them (the real routing tree) to a local webhook receiver. Everything listens on loopback.
 */
export async function startLocalMonitoring(options: LocalMonitoringOptions): Promise<LocalMonitoring> {
  const { dir } = options;
  await mkdir(join(dir, 'rules'), { recursive: true });
  const webhook = await startWebhookReceiver(options.onNotification);

  let ruleFiles = [join(RULES_DIR, '*.rules.yml')];
  if (options.forOverride) {
    ruleFiles = [join(RULES_DIR, 'slo-*.rules.yml')];
    for (const group of CAUSE_ALERT_GROUPS) {
      const file = join(dir, 'rules', causeRuleFileName(group));
      await writeFile(file, toYaml(causeAlertRuleFile(group, { forOverride: options.forOverride })));
      ruleFiles.push(file);
    }
  }
  const prometheusConfig = join(dir, 'prometheus.yml');
  await writeFile(
    prometheusConfig,
    toYaml(
      embeddedConfig({
        ports: options.ports,
        interval: options.interval,
        ruleFiles,
        alertmanagers: [`127.0.0.1:${options.alertmanagerPort}`],
        environment: options.environment,
        ...(options.edge
          ? { edge: { targets: options.edge.targets, exporter: `127.0.0.1:${options.edge.blackboxPort}` } }
          : {}),
      }),
      'Written by Tripwise for this run (monitoring/src/runtime/local-monitoring.ts).',
    ),
  );
  const alertmanagerFile = join(dir, 'alertmanager.yml');
  await writeFile(alertmanagerFile, toYaml(alertmanagerConfig(webhookReceivers(webhook.url), options.timings)));

  const started: RunningServer[] = [];
  let blackbox: RunningServer | undefined;
  try {
    if (options.edge) {
      const blackboxFile = join(dir, 'blackbox.yml');
      await writeFile(blackboxFile, toYaml(blackboxConfig({ caFile: options.edge.caFile })));
      blackbox = await startBlackboxExporter({
        configFile: blackboxFile,
        port: options.edge.blackboxPort,
        onLine: (line) => options.onLine?.('blackbox', line),
      });
    }
    started.push(
      await startAlertmanager({
        configFile: alertmanagerFile,
        dataDir: join(dir, 'alertmanager'),
        port: options.alertmanagerPort,
        onLine: (line) => options.onLine?.('alertmanager', line),
      }),
    );
    started.push(
      await startPrometheus({
        configFile: prometheusConfig,
        dataDir: join(dir, 'prometheus'),
        port: options.prometheusPort,
        onLine: (line) => options.onLine?.('prometheus', line),
      }),
    );
  } catch (err) {
    await Promise.all([...started, ...(blackbox ? [blackbox] : [])].map((server) => server.stop()));
    await webhook.close();
    throw err;
  }
  const [alertmanager, prometheus] = started as [RunningServer, RunningServer];
  return {
    prometheus,
    alertmanager,
    ...(blackbox ? { blackbox } : {}),
    webhook,
    async stop() {
      await prometheus.stop();
      await alertmanager.stop();
      await blackbox?.stop();
      await webhook.close();
    },
  };
}
