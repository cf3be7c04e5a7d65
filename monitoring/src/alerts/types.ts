import { runbookPath } from '../runbook-path.ts';
import type { TestSeries } from '../slo/sli.ts';
import { JOBS_REGEX } from '../prometheus/targets.ts';

export type Severity = 'page' | 'ticket';

/** One promtool scenario: these input series, evaluated at `at`, give exactly these alerts (none: it stays quiet). */
export interface AlertTest {
  name: string;
  /** Between two samples of the input series; 1m unless said. */
  interval?: string;
  series: TestSeries[];
  at: string;
  expect: { severity: Severity; labels: Record<string, string> }[];
}

/**
 * An alert on a cause (not on a user-facing SLO): what is wrong inside. Every one carries a `service` label (the
 * process it is about), so Alertmanager can hold it back while that service is down altogether.
 */
export interface CauseAlert {
  name: string;
  /** Usually one; two when the same condition pages at one threshold and files a ticket at another. */
  rules: { severity: Severity; expr: string; for: string }[];
  /** Alertmanager templates may use {{ $labels.<name> }}; never $value, so the tests can state the text exactly. */
  summary: string;
  description: string;
  tests: AlertTest[];
}

/** Selects Tripwise's own scrape jobs, so an exporter scraped by the same Prometheus is not alerted on here. */
export const OWN_JOBS = `job=~"${JOBS_REGEX}"`;

/** Fills {{ $labels.x }} the way Prometheus renders an annotation, for the tests' expectations. */
export function render(template: string, labels: Record<string, string>): string {
  return template.replace(
    /\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g,
    (_all, name: string) => labels[name] ?? '',
  );
}

export function annotations(alert: CauseAlert, labels?: Record<string, string>) {
  const text = (template: string) => (labels ? render(template, labels) : template);
  return { summary: text(alert.summary), description: text(alert.description), runbook_url: runbookPath(alert.name) };
}

/** `name{a="b",…}` for a test's input series. */
export function series(name: string, labels: Record<string, string>, values: string): TestSeries {
  const set = Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .join(',');
  return { series: `${name}{${set}}`, values };
}

/** The labels Prometheus gives a target of job `job` (the job name is also the process's `service` label). */
export function target(job: string, instance = `${job}:1`): Record<string, string> {
  return { job, instance, service: job };
}
