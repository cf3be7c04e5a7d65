import { budget } from './rules.ts';
import { BURN_WINDOWS, SLOS, type Slo } from './spec.ts';

const percent = (ratio: number) => `${Number((ratio * 100).toPrecision(6))}%`;

/** monitoring/runbooks/<alert>.md of an SLO alert: what it means, how to confirm, what to do. */
export function sloRunbook(slo: Slo): string {
  const windows = BURN_WINDOWS.map(
    (w) =>
      `| ${w.severity} | ${w.factor}× | ${w.long} and ${w.short} | ${percent(w.factor * Number(budget(slo)))} of ${slo.kind === 'latency' ? 'requests too slow' : 'events failing'} |`,
  ).join('\n');
  return `# ${slo.alert}

<!-- Generated from monitoring/src/slo/spec.ts by \`npm run monitor -- generate\`: edit the spec, not this file. -->

**The promise (SLO \`${slo.name}\`):** ${slo.promise} Objective ${percent(slo.objective)} over ${slo.periodDays} days,
so the error budget is ${percent(Number(budget(slo)))} of the ${slo.journey} events.

## What it means

The error budget is being spent faster than the objective allows. The alert has two severities, from the SRE
Workbook's multiwindow, multi-burn-rate table; both windows of a row must burn at once, so it fires fast on a real
outage and stops as soon as the short window is clean again:

| severity | burn rate | windows | error ratio above |
| -------- | --------- | ------- | ----------------- |
${windows}

A page while the budget is still large means a sharp outage; a ticket means a slow leak that will empty the budget
before the period ends.

## How to confirm

- In Prometheus, \`slo:sli_error:ratio_rate5m{slo="${slo.name}"}\` (and \`_rate1h\`, \`_rate6h\`): the error ratio
  now; \`slo:period_error_budget_remaining:ratio{slo="${slo.name}"}\`: what is left of the budget.
${slo.confirm.map((line) => `- ${line}`).join('\n')}

## What to do

${slo.actions.map((line) => `- ${line}`).join('\n')}
- Once it is over, look at the budget left: if it is spent, changes to ${slo.service} wait until it recovers.
`;
}

export const sloRunbooks = () => SLOS.map((slo) => ({ alert: slo.alert, text: sloRunbook(slo) }));
