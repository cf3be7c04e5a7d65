import type { YamlValue } from '../files/yaml.ts';
import { BLACKBOX_PORT, edgeProbeJob } from './edge-probe.ts';
import { DEFAULT_PORTS, PROCESSES, type ProcessName } from './targets.ts';

/** The rule files every configuration loads, relative to the configuration's folder (monitoring/prometheus). */
export const RULE_FILES = ['rules/*.rules.yml'];

export interface CommonOptions {
  /** How often targets are scraped and rules evaluated: 15 s in production, a second in the live test. */
  interval?: string;
  ruleFiles?: string[];
  /** `host:port` of each Alertmanager. */
  alertmanagers: string[];
  /** Added to every alert and every series leaving this Prometheus, so one Alertmanager can serve several. */
  environment: string;
}

function seconds(duration: string): number {
  const match = /^(\d+)(ms|s|m)$/.exec(duration);
  if (!match) throw new Error(`unsupported interval ${duration}`);
  const value = Number(match[1]);
  return match[2] === 'ms' ? value / 1000 : match[2] === 's' ? value : value * 60;
}

function global(options: CommonOptions, scrapeConfigs: YamlValue[]): YamlValue {
  const interval = options.interval ?? '15s';
  // A scrape may not take longer than the interval between two; 10 s is Prometheus's default timeout.
  const timeout = seconds(interval) < 10 ? interval : '10s';
  return {
    global: {
      scrape_interval: interval,
      scrape_timeout: timeout,
      evaluation_interval: interval,
      external_labels: { environment: options.environment },
    },
    rule_files: options.ruleFiles ?? RULE_FILES,
    alerting: { alertmanagers: [{ static_configs: [{ targets: options.alertmanagers }] }] },
    scrape_configs: scrapeConfigs,
  };
}

/**
 * `npm start`'s processes on this machine: one static target per process, each its own job; with `edge`, the public
 * URLs of `npm run edge` probed through a blackbox exporter.
 */
export function embeddedConfig(
  options: CommonOptions & {
    ports?: Record<ProcessName, number>;
    host?: string;
    edge?: { targets: string[]; exporter: string };
  },
): YamlValue {
  const ports = options.ports ?? DEFAULT_PORTS;
  const host = options.host ?? '127.0.0.1';
  return global(options, [
    ...PROCESSES.map((name) => ({ job_name: name, static_configs: [{ targets: [`${host}:${ports[name]}`] }] })),
    ...(options.edge ? [edgeProbeJob(options.edge.targets, options.edge.exporter)] : []),
  ]);
}

/**
 * docker compose: each process is a compose service of the same name on the project's network. Docker's DNS answers a
 * service's name with one A record per replica, so DNS service discovery finds every replica of a scaled service
 * (`docker compose up --scale search=3`), and a single one just the same.
 */
export function composeConfig(options: CommonOptions): YamlValue {
  return global(options, [
    ...PROCESSES.map((name) => ({
      job_name: name,
      dns_sd_configs: [{ names: [name], type: 'A', port: DEFAULT_PORTS[name], refresh_interval: '30s' }],
    })),
    // The edge as browsers reach it, probed by the `blackbox` service (monitoring/blackbox/blackbox.compose.yml).
    edgeProbeJob(['https://edge/'], `blackbox:${BLACKBOX_PORT}`),
  ]);
}

/**
 * Kubernetes: every pod labelled `app.kubernetes.io/part-of: tripwise` that names its metrics port in the
 * `prometheus.io/port` annotation (and does not opt out with `prometheus.io/scrape: "false"`). The job is the pod's
 * `app.kubernetes.io/name` (api-gateway, auth, …), so rules and dashboards read the same as in compose.
 */
export function kubernetesConfig(options: CommonOptions): YamlValue {
  const label = (name: string) => `__meta_kubernetes_pod_label_${name}`;
  const annotation = (name: string) => `__meta_kubernetes_pod_annotation_${name}`;
  return global(options, [
    {
      job_name: 'tripwise-pods',
      kubernetes_sd_configs: [{ role: 'pod' }],
      relabel_configs: [
        { source_labels: [label('app_kubernetes_io_part_of')], regex: 'tripwise', action: 'keep' },
        { source_labels: [annotation('prometheus_io_port')], regex: '\\d+', action: 'keep' },
        { source_labels: [annotation('prometheus_io_scrape')], regex: 'false', action: 'drop' },
        // Only running pods: a pending or finished one has no process to scrape and would read as down.
        { source_labels: ['__meta_kubernetes_pod_phase'], regex: 'Pending|Succeeded|Failed', action: 'drop' },
        {
          source_labels: ['__meta_kubernetes_pod_ip', annotation('prometheus_io_port')],
          regex: '(.+);(\\d+)',
          replacement: '$1:$2',
          target_label: '__address__',
        },
        { source_labels: [annotation('prometheus_io_path')], regex: '(.+)', target_label: '__metrics_path__' },
        { source_labels: [label('app_kubernetes_io_name')], regex: '(.+)', target_label: 'job' },
        { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
        { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
      ],
    },
    // The public site, probed by a blackbox exporter reachable as the Service `blackbox-exporter`.
    edgeProbeJob(['https://tripwise.example/'], `blackbox-exporter:${BLACKBOX_PORT}`),
  ]);
}
