import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CAUSE_ALERT_GROUPS, causeAlertRuleFile, causeRuleFileName } from './alerts/index.ts';
import { alertmanagerConfig, PRODUCTION_RECEIVERS } from './alertmanager/config.ts';
import { toYaml, type YamlValue } from './files/yaml.ts';
import { DASHBOARDS, dashboardProvider, datasources } from './grafana/index.ts';
import { composeConfig, embeddedConfig, kubernetesConfig } from './prometheus/configs.ts';
import { blackboxConfig } from './prometheus/edge-probe.ts';
import { ruleTestFiles } from './prometheus/rule-tests.ts';
import { sloRuleFiles } from './slo/rules.ts';
import { sloRunbooks } from './slo/runbooks.ts';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

const HEADER = 'Generated from monitoring/src by `npm run monitor -- generate`: edit the source, not this file.';

const yaml = (value: YamlValue, about: string) => toYaml(value, `${about}\n${HEADER}`);

/** Every generated file under monitoring/, by path from the repository's root, unformatted. */
function sources(): Record<string, string> {
  const files: Record<string, string> = {
    'monitoring/prometheus/prometheus.embedded.yml': yaml(
      embeddedConfig({ alertmanagers: ['127.0.0.1:9093'], environment: 'embedded' }),
      'Prometheus for `npm start` on its default ports (`npm run monitor` writes one for the ports in use).',
    ),
    'monitoring/prometheus/prometheus.compose.yml': yaml(
      composeConfig({ alertmanagers: ['alertmanager:9093'], environment: 'compose' }),
      'Prometheus in docker compose: mount monitoring/prometheus at /etc/prometheus.',
    ),
    'monitoring/prometheus/prometheus.kubernetes.yml': yaml(
      kubernetesConfig({ alertmanagers: ['alertmanager:9093'], environment: 'kubernetes' }),
      'Prometheus in Kubernetes (needs a ServiceAccount that may list and watch pods).',
    ),
    'monitoring/blackbox/blackbox.yml': yaml(
      blackboxConfig(),
      'The blackbox exporter probing the public site (Kubernetes, or any edge with a publicly trusted certificate).',
    ),
    'monitoring/blackbox/blackbox.compose.yml': yaml(
      blackboxConfig({ caFile: '/etc/blackbox-certs/ca.pem', serverName: 'localhost' }),
      "The blackbox exporter in docker compose: the edge has the local CA's certificate for localhost.",
    ),
    'monitoring/alertmanager/alertmanager.yml': yaml(
      alertmanagerConfig(PRODUCTION_RECEIVERS),
      'Alertmanager: pages to PagerDuty, tickets to Slack; secrets are mounted files.',
    ),
    'monitoring/grafana/provisioning/datasources/prometheus.yml': yaml(datasources, 'Grafana data sources.'),
    'monitoring/grafana/provisioning/dashboards/tripwise.yml': yaml(dashboardProvider, 'Grafana dashboard provider.'),
  };
  for (const { name, rules } of sloRuleFiles()) {
    files[`monitoring/prometheus/rules/${name}`] = yaml(rules, 'One SLO: its recording rules and burn-rate alerts.');
  }
  for (const group of CAUSE_ALERT_GROUPS) {
    files[`monitoring/prometheus/rules/${causeRuleFileName(group)}`] = yaml(
      causeAlertRuleFile(group),
      'Cause alerts, each with its runbook.',
    );
  }
  for (const { name, tests } of ruleTestFiles()) {
    files[`monitoring/prometheus/tests/${name}`] = yaml(
      tests,
      'promtool test rules: when these alerts fire and when not.',
    );
  }
  for (const board of DASHBOARDS) files[`monitoring/grafana/dashboards/${board.uid}.json`] = JSON.stringify(board);
  for (const { alert, text } of sloRunbooks()) files[`monitoring/runbooks/${alert}.md`] = text;
  return files;
}

/** The generated files as committed: formatted by prettier with the repository's settings, as `npm run lint` wants. */
export async function generatedFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(sources())) {
    const filepath = join(REPO_ROOT, path);
    out[path] = await format(text, { ...(await resolveConfig(filepath)), filepath });
  }
  return out;
}

/** Writes them all; returns the paths written. */
export async function writeGeneratedFiles(): Promise<string[]> {
  const files = await generatedFiles();
  for (const [path, text] of Object.entries(files)) {
    const target = join(REPO_ROOT, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return Object.keys(files);
}
