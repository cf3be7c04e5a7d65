import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CAUSE_ALERTS } from '../src/alerts/index.ts';
import { findTool, INSTALL_HINT, runTool } from '../src/runtime/tools.ts';
import { SLOS } from '../src/slo/spec.ts';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

const CONFIG = join(REPO_ROOT, 'monitoring', 'alertmanager', 'alertmanager.yml');

/** The receivers amtool resolves for an alert with these labels. */
async function receiversFor(labels: Record<string, string>): Promise<string[]> {
  const args = Object.entries(labels).map(([name, value]) => `${name}=${value}`);
  const result = await runTool('amtool', ['config', 'routes', 'test', `--config.file=${CONFIG}`, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim().split(/\s*,\s*|\n/);
}

describe("Alertmanager's configuration", () => {
  test("Given Debian's packages, amtool is installed", () => {
    expect(findTool('amtool'), `amtool: ${INSTALL_HINT}`).toBeDefined();
  });

  test('When amtool checks it, then it is valid, with its receivers and inhibition rules', async () => {
    const result = await runTool('amtool', ['check-config', CONFIG]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('SUCCESS');
    expect(result.stdout).toContain('3 inhibit rules');
    expect(result.stdout).toContain('2 receivers');
  });

  test('When any SLO or cause alert is routed, then a page goes to the page receiver and a ticket to the ticket receiver', async () => {
    const alerts = [
      ...SLOS.flatMap((slo) =>
        (['page', 'ticket'] as const).map((severity) => ({
          alertname: slo.alert,
          severity,
          slo: slo.name,
          service: slo.service,
        })),
      ),
      ...CAUSE_ALERTS.flatMap((alert) =>
        alert.rules.map((rule) => ({ alertname: alert.name, severity: rule.severity, service: 'search' })),
      ),
    ];
    for (const labels of alerts) {
      expect(await receiversFor({ ...labels, kind: 'cause', environment: 'production' }), labels.alertname).toEqual([
        labels.severity,
      ]);
    }
  });

  test('When an alert has no severity, then it still reaches someone: the ticket queue', async () => {
    expect(await receiversFor({ alertname: 'SomethingNew', service: 'search' })).toEqual(['ticket']);
  });
});
