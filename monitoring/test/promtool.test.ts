import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toYaml } from '../src/files/yaml.ts';
import { kubernetesConfig } from '../src/prometheus/configs.ts';
import { findTool, INSTALL_HINT, runTool } from '../src/runtime/tools.ts';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

const PROMETHEUS_DIR = join(REPO_ROOT, 'monitoring', 'prometheus');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tripwise-promtool-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The Kubernetes configuration with pod discovery replaced by a file of pods, which any promtool can read. */
async function kubernetesWithPodsFromFile(pods: unknown[]): Promise<string> {
  await writeFile(join(scratch, 'pods.json'), JSON.stringify(pods));
  const config = kubernetesConfig({
    alertmanagers: ['alertmanager:9093'],
    environment: 'test',
    ruleFiles: [join(PROMETHEUS_DIR, 'rules', '*.rules.yml')],
  }) as { scrape_configs: Record<string, unknown>[] };
  const job = {
    ...config.scrape_configs[0]!,
    kubernetes_sd_configs: undefined,
    file_sd_configs: [{ files: ['pods.json'] }],
  };
  await writeFile(join(scratch, 'kubernetes.yml'), toYaml({ ...config, scrape_configs: [job] }));
  return 'kubernetes.yml';
}

describe('promtool on the Prometheus configuration and rules', () => {
  test("Given Debian's packages, promtool is installed", () => {
    expect(findTool('promtool'), `promtool: ${INSTALL_HINT}`).toBeDefined();
  });

  test.each(['prometheus.embedded.yml', 'prometheus.compose.yml'])(
    'When promtool checks %s, then it and every rule file it loads are valid',
    async (file) => {
      const result = await runTool('promtool', ['check', 'config', file], { cwd: PROMETHEUS_DIR });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/SUCCESS: \d+ rule files found/);
    },
  );

  test('When promtool checks the Kubernetes configuration, then it is valid (its pod discovery only where promtool has it)', async () => {
    const real = await runTool('promtool', ['check', 'config', 'prometheus.kubernetes.yml'], { cwd: PROMETHEUS_DIR });
    const output = real.stdout + real.stderr;
    // Debian builds Prometheus without Kubernetes discovery: then only that one field may be refused, and the rest
    // of the file (global, alerting, rules, relabelling) is checked with the pods read from a file instead.
    const noKubernetesDiscovery = /field kubernetes_sd_configs not found/.test(output);
    if (!noKubernetesDiscovery) expect(real.code, output).toBe(0);
    else expect(output.match(/not found in type/g), output).toHaveLength(1);
    const variant = await runTool('promtool', ['check', 'config', await kubernetesWithPodsFromFile([])], {
      cwd: scratch,
    });
    expect(variant.code, variant.stdout + variant.stderr).toBe(0);
  });

  test('When pods are discovered, then only running Tripwise pods with a metrics port are scraped, as jobs named after the app', async () => {
    // The same relabelling as prometheus.kubernetes.yml, fed by a file of pods as Kubernetes discovery would see them.
    const pod = (name: string, labels: Record<string, string>) => ({
      targets: [`${name}:9999`],
      labels: {
        __meta_kubernetes_namespace: 'tripwise',
        __meta_kubernetes_pod_name: name,
        __meta_kubernetes_pod_ip: `10.0.0.${Object.keys(labels).length + name.length}`,
        __meta_kubernetes_pod_phase: 'Running',
        __meta_kubernetes_pod_label_app_kubernetes_io_part_of: 'tripwise',
        ...labels,
      },
    });
    const port = (value: string) => ({ __meta_kubernetes_pod_annotation_prometheus_io_port: value });
    const pods = [
      pod('search-7d9f', { __meta_kubernetes_pod_label_app_kubernetes_io_name: 'search', ...port('4002') }),
      pod('api-gateway-1a2b', {
        __meta_kubernetes_pod_label_app_kubernetes_io_name: 'api-gateway',
        ...port('8080'),
        __meta_kubernetes_pod_annotation_prometheus_io_path: '/internal-metrics',
      }),
      pod('postgres-0', { __meta_kubernetes_pod_label_app_kubernetes_io_part_of: 'database', ...port('9187') }),
      pod('booking-no-port', { __meta_kubernetes_pod_label_app_kubernetes_io_name: 'booking' }),
      pod('auth-opted-out', {
        __meta_kubernetes_pod_label_app_kubernetes_io_name: 'auth',
        ...port('4001'),
        __meta_kubernetes_pod_annotation_prometheus_io_scrape: 'false',
      }),
      pod('ai-agent-pending', {
        __meta_kubernetes_pod_label_app_kubernetes_io_name: 'ai-agent',
        ...port('4004'),
        __meta_kubernetes_pod_phase: 'Pending',
      }),
    ];
    const config = await kubernetesWithPodsFromFile(pods);
    const result = await runTool('promtool', ['check', 'service-discovery', '--timeout=8s', config, 'tripwise-pods'], {
      cwd: scratch,
    });
    expect(result.code, result.stderr).toBe(0);
    const targets = (JSON.parse(result.stdout) as { labels: Record<string, string> }[])
      .map((t) => t.labels)
      .filter((labels) => Object.keys(labels).length > 0)
      .map(({ job: name, instance, __metrics_path__: path, namespace, pod: podName }) => ({
        name,
        instance,
        path,
        namespace,
        podName,
      }))
      // promtool lists the targets in no fixed order.
      .sort((a, b) => String(a.podName).localeCompare(String(b.podName)));
    expect(targets).toEqual([
      {
        name: 'api-gateway',
        instance: `${pods[1]!.labels.__meta_kubernetes_pod_ip}:8080`,
        path: '/internal-metrics',
        namespace: 'tripwise',
        podName: 'api-gateway-1a2b',
      },
      {
        name: 'search',
        instance: `${pods[0]!.labels.__meta_kubernetes_pod_ip}:4002`,
        path: '/metrics',
        namespace: 'tripwise',
        podName: 'search-7d9f',
      },
    ]);
  });

  test('When promtool checks every rule file, then each is valid', async () => {
    const files = (await readdir(join(PROMETHEUS_DIR, 'rules'))).map((name) => `rules/${name}`);
    expect(files.length).toBeGreaterThan(0);
    const result = await runTool('promtool', ['check', 'rules', ...files], { cwd: PROMETHEUS_DIR });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

describe('promtool unit tests of every alert', () => {
  const files = readdirSync(join(PROMETHEUS_DIR, 'tests')).sort();
  test.each(files)(
    'When promtool runs %s, then every alert fires where it should and stays quiet where it should not',
    async (file) => {
      const result = await runTool('promtool', ['test', 'rules', `tests/${file}`], { cwd: PROMETHEUS_DIR });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('SUCCESS');
    },
    120_000,
  );
});
