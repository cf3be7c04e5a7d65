import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CAUSE_ALERTS } from '../src/alerts/index.ts';
import { ALERTS_AWAITING_METRICS, SLOS_AWAITING_METRICS } from '../src/awaiting.ts';
import { DASHBOARDS } from '../src/grafana/index.ts';
import { METRICS_TO_ADD, awaitedMetricsIn } from '../src/metrics-to-add.ts';
import { SLOS } from '../src/slo/spec.ts';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

const RUNBOOKS = join(REPO_ROOT, 'monitoring', 'runbooks');
const ALERT_NAMES = [...SLOS.map((slo) => slo.alert), ...CAUSE_ALERTS.map((alert) => alert.name)];
const sliText = (slo: (typeof SLOS)[number]) => `${slo.sli.bad('5m')} ${slo.sli.total('5m')}`;

describe('alerts, SLOs and their runbooks', () => {
  test('When the alerts are listed, then each name is unique and has a runbook saying what it means, how to confirm and what to do', async () => {
    expect(new Set(ALERT_NAMES).size).toBe(ALERT_NAMES.length);
    for (const name of ALERT_NAMES) {
      const text = await readFile(join(RUNBOOKS, `${name}.md`), 'utf8');
      expect(text, name).toMatch(new RegExp(`^# ${name}\\n`));
      for (const section of ['## What it means', '## How to confirm', '## What to do']) {
        expect(text, name).toContain(section);
      }
    }
  });

  test('When the runbooks folder is listed, then every page belongs to an alert', async () => {
    const pages = (await readdir(RUNBOOKS)).map((file) => file.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual([...ALERT_NAMES].sort());
  });

  test('When the cause alerts are listed, then each has a scenario where it fires (at each of its severities) and one where it stays quiet', () => {
    for (const alert of CAUSE_ALERTS) {
      expect(
        alert.tests.some((t) => t.expect.length === 0),
        `${alert.name}: a quiet scenario`,
      ).toBe(true);
      const fired = new Set(alert.tests.flatMap((t) => t.expect.map((e) => e.severity)));
      for (const rule of alert.rules) {
        expect(fired.has(rule.severity), `${alert.name} fires as ${rule.severity}`).toBe(true);
      }
    }
  });

  test('When every alert expression and SLO is read, then those reading a metric not exposed yet are exactly the ones listed as awaiting', () => {
    const alerts = CAUSE_ALERTS.filter((a) => a.rules.some((r) => awaitedMetricsIn(r.expr).length > 0)).map(
      (a) => a.name,
    );
    expect(alerts.sort()).toEqual([...ALERTS_AWAITING_METRICS].sort());
    const slos = SLOS.filter((slo) => awaitedMetricsIn(sliText(slo)).length > 0).map((slo) => slo.name);
    expect(slos.sort()).toEqual([...SLOS_AWAITING_METRICS].sort());
  });

  test('When the metrics to add are listed, then each is read by a panel, an alert or an SLO, and none is listed twice', () => {
    const everything = [
      ...DASHBOARDS.flatMap((board) =>
        board.panels.flatMap((p) => ('targets' in p ? (p.targets as { expr: string }[]) : []).map((t) => t.expr)),
      ),
      ...CAUSE_ALERTS.flatMap((a) => a.rules.map((r) => r.expr)),
      ...SLOS.map(sliText),
    ].join('\n');
    const names = METRICS_TO_ADD.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(everything, name).toMatch(new RegExp(`\\b${name}(_bucket|_count|_sum)?\\b`));
  });

  test('When the SLOs are listed, then names and alerts are unique and each objective leaves a budget', () => {
    expect(new Set(SLOS.map((s) => s.name)).size).toBe(SLOS.length);
    for (const slo of SLOS) {
      expect(slo.objective).toBeGreaterThan(0.9);
      expect(slo.objective).toBeLessThan(1);
      expect(slo.periodDays).toBe(30);
    }
  });
});
