import type { YamlValue } from '../files/yaml.ts';
import { runbookPath } from '../runbook-path.ts';
import { BURN_WINDOWS, RATIO_WINDOWS, SLOS, type Slo } from './spec.ts';

/** The labels every series and alert of an SLO carries. */
export function sloLabels(slo: Slo): Record<string, string> {
  return { slo: slo.name, journey: slo.journey, service: slo.service, job: slo.service, sli: slo.kind };
}

/** The error budget as a PromQL literal, e.g. 0.001 for 99.9%: written out so the rules read like the spec. */
export function budget(slo: Slo): string {
  return String(Number((1 - slo.objective).toPrecision(6)));
}

const ratio = (window: string) => `slo:sli_error:ratio_rate${window}`;
const select = (slo: Slo, window: string) => `${ratio(window)}{slo="${slo.name}"}`;
const BAD_RATE = 'slo:sli_bad_events:rate5m';
const TOTAL_RATE = 'slo:sli_events:rate5m';

/** Bad over all events in the window; no sample at all (not NaN) while there are none, e.g. a quiet night. */
function ratioExpr(slo: Slo, window: string): string {
  return `(\n  ${slo.sli.bad(window)}\n)\n/\n(\n  ${slo.sli.total(window)}\n  > 0\n)`;
}

/** Recording rules (Sloth's names): the error ratio over each window, the period's ratio, and what is left of the budget. */
function recordingGroup(slo: Slo): YamlValue {
  const labels = sloLabels(slo);
  const period = `${slo.periodDays}d`;
  return {
    name: `slo:${slo.name}`,
    rules: [
      ...RATIO_WINDOWS.map((window) => ({ record: ratio(window), expr: ratioExpr(slo, window), labels })),
      // The period's ratio from the 5-minute event rates, recorded (cheap to sum over 30 days) and weighted by
      // traffic: a quiet hour with one error does not count as much as a busy one, and hours without events count
      // for nothing instead of making the whole period NaN.
      { record: BAD_RATE, expr: slo.sli.bad('5m'), labels },
      { record: TOTAL_RATE, expr: slo.sli.total('5m'), labels },
      {
        record: ratio(period),
        expr: `sum_over_time(${BAD_RATE}{slo="${slo.name}"}[${period}])\n/\nsum_over_time(${TOTAL_RATE}{slo="${slo.name}"}[${period}])`,
        labels,
      },
      { record: 'slo:objective:ratio', expr: `vector(${slo.objective})`, labels },
      { record: 'slo:error_budget:ratio', expr: `vector(${budget(slo)})`, labels },
      { record: 'slo:time_period:days', expr: `vector(${slo.periodDays})`, labels },
      { record: 'slo:current_burn_rate:ratio', expr: `${select(slo, '5m')} / ${budget(slo)}`, labels },
      { record: 'slo:period_burn_rate:ratio', expr: `${select(slo, period)} / ${budget(slo)}`, labels },
      {
        record: 'slo:period_error_budget_remaining:ratio',
        expr: `1 - slo:period_burn_rate:ratio{slo="${slo.name}"}`,
        labels,
      },
    ],
  };
}

/** One alert per severity, each the OR of its two window pairs; both windows of a pair must burn (SRE Workbook). */
export function burnAlertExpr(slo: Slo, severity: 'page' | 'ticket'): string {
  return BURN_WINDOWS.filter((w) => w.severity === severity)
    .map(
      (w) =>
        `(\n  ${select(slo, w.long)} > (${w.factor} * ${budget(slo)})\n  and\n  ${select(slo, w.short)} > (${w.factor} * ${budget(slo)})\n)`,
    )
    .join('\nor\n');
}

export function burnAlertAnnotations(slo: Slo, severity: 'page' | 'ticket'): Record<string, string> {
  const pace =
    severity === 'page'
      ? 'at this pace the whole 30-day error budget is gone within 2 to 5 days'
      : 'at this pace the 30-day error budget runs out before the period ends';
  return {
    summary: `${slo.journey}: ${slo.kind} error budget burning (${severity})`,
    description: `SLO ${slo.name}: ${slo.promise} Errors are coming in faster than the objective allows; ${pace}.`,
    runbook_url: runbookPath(slo.alert),
  };
}

function alertGroup(slo: Slo): YamlValue {
  return {
    name: `slo:${slo.name}:alerts`,
    rules: (['page', 'ticket'] as const).map((severity) => ({
      alert: slo.alert,
      expr: burnAlertExpr(slo, severity),
      labels: { severity, kind: 'slo', ...sloLabels(slo) },
      annotations: burnAlertAnnotations(slo, severity),
    })),
  };
}

/** The rule file of one SLO (monitoring/prometheus/rules/slo-<name>.rules.yml), so its promtool tests load only it. */
export function sloRuleFile(slo: Slo): YamlValue {
  return { groups: [recordingGroup(slo), alertGroup(slo)] };
}

export const sloRuleFileName = (slo: Slo) => `slo-${slo.name}.rules.yml`;

/** Every SLO's rule file by name. */
export const sloRuleFiles = () => SLOS.map((slo) => ({ name: sloRuleFileName(slo), rules: sloRuleFile(slo) }));
