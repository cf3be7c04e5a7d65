import { CAUSE_ALERT_GROUPS, causeRuleFileName } from '../alerts/index.ts';
import { annotations, type CauseAlert } from '../alerts/types.ts';
import type { YamlValue } from '../files/yaml.ts';
import type { TestSeries } from '../slo/sli.ts';
import { budget, burnAlertAnnotations, sloLabels, sloRuleFileName } from '../slo/rules.ts';
import { SLOS, type Slo } from '../slo/spec.ts';

/**
 * promtool unit tests (`promtool test rules`) of every alert: for each, scenarios where it must fire and where it
 * must stay quiet. The cause alerts' scenarios are written next to each alert (src/alerts/*); the SLO alerts'
 * are the same for every SLO, in multiples of its error budget, so they test the burn-rate windows themselves.
 */

const promLabels = (set: Record<string, string>) =>
  `{${Object.entries(set)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ')}}`;

type Expected = { severity: 'page' | 'ticket'; labels: Record<string, string>; annotations: Record<string, string> };

function ruleTest(
  name: string,
  interval: string,
  series: TestSeries[],
  at: string,
  alert: string,
  expected: Expected[],
) {
  return {
    name,
    interval,
    input_series: series.map((s) => ({ series: s.series, values: s.values })),
    alert_rule_test: [
      {
        eval_time: at,
        alertname: alert,
        exp_alerts: expected.map((e) => ({
          exp_labels: { ...e.labels, severity: e.severity },
          exp_annotations: e.annotations,
        })),
      },
    ],
  };
}

function causeAlertTests(group: { name: string; alerts: CauseAlert[] }): YamlValue {
  return {
    rule_files: [`../rules/${causeRuleFileName(group)}`],
    evaluation_interval: '1m',
    tests: group.alerts.flatMap((alert) =>
      alert.tests.map((test) =>
        ruleTest(
          `${alert.name}: ${test.name}`,
          test.interval ?? '1m',
          test.series,
          test.at,
          alert.name,
          test.expect.map(({ severity, labels }) => {
            const all = { ...labels, kind: 'cause' };
            return { severity, labels: all, annotations: annotations(alert, { ...all, severity }) };
          }),
        ),
      ),
    ),
  };
}

const TOTAL_PER_MINUTE = 1000;
/**
 * Long enough for every scenario. The long windows (1d, 3d) need not be full: a rate over a window holds the samples
 * there are. The 3x ticket row (1d and 2h) cannot fire without the 1x row (3d and 6h) also firing, so it has no
 * scenario of its own; every other row does.
 */
const MINUTES = 210;

function sloScenarios(slo: Slo) {
  const errorBudget = Number(budget(slo));
  const traffic = (timesBudget: number, badFrom = 0, badUntil = MINUTES) => ({
    totalPerMinute: TOTAL_PER_MINUTE,
    badPerMinute: Math.min(TOTAL_PER_MINUTE, TOTAL_PER_MINUTE * errorBudget * timesBudget),
    minutes: MINUTES,
    badFrom,
    badUntil,
  });
  const expect = (...severities: ('page' | 'ticket')[]): Expected[] =>
    severities.map((severity) => ({
      severity,
      labels: { ...sloLabels(slo), kind: 'slo' },
      annotations: burnAlertAnnotations(slo, severity),
    }));
  const test = (name: string, series: TestSeries[], at: string, expected: Expected[]) =>
    ruleTest(`${slo.alert}: ${name}`, '1m', series, at, slo.alert, expected);
  const { sli } = slo;

  const scenarios = [
    test(
      '20x the budget for an hour pages (1h and 5m over 14.4x)',
      sli.testSeries(traffic(20)),
      '65m',
      expect('page', 'ticket'),
    ),
    test(
      '20x for the last 55 minutes of a quiet afternoon pages through 1h and 5m alone (6h is under 6x)',
      sli.testSeries(traffic(20, 150)),
      '205m',
      expect('page', 'ticket'),
    ),
    test(
      '8x the budget pages through 6h and 30m (over 6x), not 1h (under 14.4x)',
      sli.testSeries(traffic(8)),
      '65m',
      expect('page', 'ticket'),
    ),
    test(
      '4x the budget files a ticket (1d and 2h over 3x), no page',
      sli.testSeries(traffic(4)),
      '65m',
      expect('ticket'),
    ),
    test(
      '2x the budget files a ticket (3d and 6h over 1x), no page',
      sli.testSeries(traffic(2)),
      '65m',
      expect('ticket'),
    ),
    test('half the budget stays quiet', sli.testSeries(traffic(0.5)), '65m', []),
    test(
      'an hour at 20x, then none: the page stops once the short windows are clean, the ticket stays',
      sli.testSeries(traffic(20, 0, 60)),
      '95m',
      expect('ticket'),
    ),
  ];
  scenarios.push(
    test(
      'a 10-minute burst at 20x after a quiet afternoon does not page (5m is over 14.4x, 1h is not)',
      sli.testSeries(traffic(20, 150, 160)),
      '160m',
      expect('ticket'),
    ),
    test(
      '4x for an hour, then none: two hours on, the 6h window still files a ticket (the 2h one is clean), no page',
      sli.testSeries(traffic(4, 0, 60)),
      '190m',
      expect('ticket'),
    ),
  );
  // Only where 40x the budget is possible (under 100% of events): the 1h window full of errors, the 5m one clean.
  if (40 * errorBudget < 1) {
    scenarios.push(
      test(
        '40x for 35 minutes, then none: half an hour on, 1h is over 14.4x but 5m is clean, so no page',
        sli.testSeries(traffic(40, 0, 35)),
        '66m',
        expect('ticket'),
      ),
    );
  }
  // What is left of the budget: half of it spent, then a quiet hour with no events at all changes nothing.
  const remaining = {
    name: `${slo.name}: half the budget spent, then an hour without events: half the budget remains`,
    interval: '1m',
    input_series: sli
      .testSeries({ ...traffic(0.5), trafficUntil: 30 })
      .map((s) => ({ series: s.series, values: s.values })),
    promql_expr_test: [
      {
        // Rounded: floating-point sums over an hour of samples are off in the 15th digit.
        expr: `round(slo:period_error_budget_remaining:ratio{slo="${slo.name}"}, 0.001)`,
        eval_time: '95m',
        exp_samples: [{ labels: promLabels(sloLabels(slo)), value: 0.5 }],
      },
      { expr: `slo:sli_error:ratio_rate5m{slo="${slo.name}"}`, eval_time: '95m', exp_samples: [] },
    ],
  };
  const unreachable = sli.unreachableSeries?.(10, MINUTES);
  if (unreachable) {
    scenarios.push(
      test('the service is unreachable and the gateway answers for it', unreachable, '65m', expect('page', 'ticket')),
    );
  }
  return [...scenarios, remaining];
}

/** Every promtool test file (monitoring/prometheus/tests/<name>.test.yml) by name: one per rule file. */
export function ruleTestFiles(): { name: string; tests: YamlValue }[] {
  return [
    ...SLOS.map((slo) => ({
      name: `slo-${slo.name}.test.yml`,
      tests: { rule_files: [`../rules/${sloRuleFileName(slo)}`], evaluation_interval: '1m', tests: sloScenarios(slo) },
    })),
    ...CAUSE_ALERT_GROUPS.map((group) => ({ name: `${group.name}.test.yml`, tests: causeAlertTests(group) })),
  ];
}
