/**
 * The kinds of service level indicator the SLOs use. Each one knows how to count bad and total events over a window
 * (PromQL with `[window]` left to fill in) and how to make the input series of a promtool test that produces a given
 * share of bad events, so the generated rules and their tests come from the same description.
 */

/** The buckets of `http_request_duration_seconds` (packages/platform/src/metrics/metrics.ts): a latency threshold must be one. */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A test's traffic: so many events a minute, of which `badPerMinute` are bad between minute `badFrom` (0 unless
 * said) and `badUntil` (the end unless said), none outside.
 */
export interface TestTraffic {
  totalPerMinute: number;
  badPerMinute: number;
  minutes: number;
  badFrom?: number;
  badUntil?: number;
  /** The minute from which there are no events at all (a quiet night). */
  trafficUntil?: number;
}

export interface TestSeries {
  series: string;
  values: string;
}

export interface Sli {
  /** PromQL for the rate of bad events over `window`. */
  bad(window: string): string;
  /** PromQL for the rate of all events over `window`. */
  total(window: string): string;
  /** Input series (one sample a minute) that produce this traffic. */
  testSeries(traffic: TestTraffic): TestSeries[];
  /** Input series in which the service is unreachable and only the gateway answers (for HTTP SLIs), or none. */
  unreachableSeries?(perMinute: number, minutes: number): TestSeries[];
}

/**
 * A counter's samples, one a minute, in promtool's notation: `perMinute(m)` is its growth in minute m, constant
 * between the given change points.
 */
function piecewise(minutes: number, changes: number[], perMinute: (minute: number) => number): string {
  const points = [...new Set([0, ...changes.filter((m) => m > 0 && m < minutes), minutes])].sort((a, b) => a - b);
  let value = 0;
  const segments: string[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const step = perMinute(from);
    // `a+bxn` is n+1 samples: a, a+b, …, a+nb. The first segment starts at 0; the others one step after the last.
    const start = i === 0 ? 0 : value + step;
    const count = i === 0 ? to - from : to - from - 1;
    segments.push(`${start}+${step}x${count}`);
    value = start + step * count;
  }
  return segments.join(' ');
}

/** The good and bad events of a test's traffic, as counters' samples. */
function goodAndBad(traffic: TestTraffic) {
  const { totalPerMinute, badPerMinute, minutes, badFrom = 0, badUntil = minutes, trafficUntil = minutes } = traffic;
  const total = (minute: number) => (minute < trafficUntil ? totalPerMinute : 0);
  const bad = (minute: number) => (minute >= badFrom && minute < Math.min(badUntil, trafficUntil) ? badPerMinute : 0);
  const changes = [badFrom, badUntil, trafficUntil];
  return {
    all: piecewise(minutes, changes, total),
    good: piecewise(minutes, changes, (m) => total(m) - bad(m)),
    bad: piecewise(minutes, changes, bad),
  };
}

function labels(set: Record<string, string>): string {
  return `{${Object.entries(set)
    .map(([name, value]) => `${name}="${value}"`)
    .join(',')}}`;
}

/** `sum(rate(selector[window]))`, or 0 when no such series exists yet (a counter appears at its first event). */
const sumRate = (selector: string, window: string) => `(sum(rate(${selector}[${window}])) or vector(0))`;

export interface HttpRoutes {
  /** The process's `service` label. */
  service: string;
  /** The gateway's upstream name for this service (`gateway_upstream_*{upstream}`). */
  upstream: string;
  method: string;
  /**
   * The route templates, as an anchored regex over the `route` label. Matched with and without the router's mount
   * prefix: today a request that ends in an error is labelled without it (see METRIC_FIXES in metrics-to-add).
   */
  mount: string;
  paths: string;
  /** One route (with its mount) used in the generated tests. */
  exampleRoute: string;
  /** The same route as an error labels it today (without the mount), for the tests' failed requests. */
  exampleErrorRoute: string;
}

function routeSelector(routes: HttpRoutes, extra = ''): string {
  const route = `(${routes.mount})?${routes.paths}`;
  return `{service="${routes.service}",method="${routes.method}",route=~"${route}"${extra}}`;
}

function exampleLabels(routes: HttpRoutes, status: string) {
  const route = status.startsWith('5') ? routes.exampleErrorRoute : routes.exampleRoute;
  return { service: routes.service, method: routes.method, route, status_code: status };
}

/**
 * Requests answered without a server error. The gateway's own failed answers for the service (unreachable,
 * timeout, circuit open, broken) are bad events too, so an SLO burns when its service is down, not only when it
 * answers 5xx. Until the gateway labels its requests by route, those count against every availability SLO of the
 * service.
 */
export function httpAvailability(routes: HttpRoutes): Sli {
  const count = 'http_request_duration_seconds_count';
  const gatewayFailures = `gateway_upstream_errors_total{upstream="${routes.upstream}"}`;
  return {
    bad: (w) =>
      `${sumRate(`${count}${routeSelector(routes, ',status_code=~"5.."')}`, w)} + ${sumRate(gatewayFailures, w)}`,
    total: (w) => `${sumRate(`${count}${routeSelector(routes)}`, w)} + ${sumRate(gatewayFailures, w)}`,
    testSeries: (traffic) => [
      { series: `${count}${labels(exampleLabels(routes, '200'))}`, values: goodAndBad(traffic).good },
      { series: `${count}${labels(exampleLabels(routes, '500'))}`, values: goodAndBad(traffic).bad },
    ],
    unreachableSeries: (perMinute, minutes) => [
      {
        series: `gateway_upstream_errors_total${labels({ service: 'api-gateway', upstream: routes.upstream, kind: 'unreachable' })}`,
        values: piecewise(minutes, [], () => perMinute),
      },
    ],
  };
}

/** Requests answered within `threshold` seconds (a bucket boundary of the histogram), whatever their status. */
export function httpLatency(routes: HttpRoutes, threshold: number): Sli {
  if (!HTTP_BUCKETS.includes(threshold)) {
    throw new Error(`${threshold} s is not a bucket of http_request_duration_seconds (${HTTP_BUCKETS.join(', ')})`);
  }
  const metric = 'http_request_duration_seconds';
  const fast = `${metric}_bucket${routeSelector(routes, `,le="${threshold}"`)}`;
  const all = `${metric}_count${routeSelector(routes)}`;
  return {
    bad: (w) => `${sumRate(all, w)} - ${sumRate(fast, w)}`,
    total: (w) => sumRate(all, w),
    testSeries: (traffic) => [
      { series: `${metric}_count${labels(exampleLabels(routes, '200'))}`, values: goodAndBad(traffic).all },
      {
        series: `${metric}_bucket${labels({ ...exampleLabels(routes, '200'), le: String(threshold) })}`,
        values: goodAndBad(traffic).good,
      },
    ],
  };
}

/** Events of a counter with an outcome label: bad outcomes over every outcome but the excluded ones. */
export function outcomeRatio(options: {
  metric: string;
  bad: string[];
  good: string[];
  /** Outcomes that are neither (a plan the traveler cancelled). */
  excluded: string[];
}): Sli {
  const { metric } = options;
  const selector = (outcomes: string[], op: '=~' | '!~') => `${metric}{outcome${op}"${outcomes.join('|')}"}`;
  return {
    bad: (w) => sumRate(selector(options.bad, '=~'), w),
    total: (w) => sumRate(selector(options.excluded, '!~'), w),
    testSeries: (traffic) => [
      { series: `${metric}{outcome="${options.good[0]}"}`, values: goodAndBad(traffic).good },
      { series: `${metric}{outcome="${options.bad[0]}"}`, values: goodAndBad(traffic).bad },
    ],
  };
}

/** Events of a histogram observed within `threshold` seconds (a bucket boundary), excluding some outcomes. */
export function histogramLatency(options: {
  metric: string;
  threshold: number;
  buckets: number[];
  excludedOutcomes: string[];
  exampleOutcome: string;
}): Sli {
  if (!options.buckets.includes(options.threshold)) {
    throw new Error(`${options.threshold} s is not a bucket of ${options.metric}`);
  }
  const filter = `outcome!~"${options.excludedOutcomes.join('|')}"`;
  const fast = `${options.metric}_bucket{${filter},le="${options.threshold}"}`;
  const all = `${options.metric}_count{${filter}}`;
  return {
    bad: (w) => `${sumRate(all, w)} - ${sumRate(fast, w)}`,
    total: (w) => sumRate(all, w),
    testSeries: (traffic) => [
      { series: `${options.metric}_count{outcome="${options.exampleOutcome}"}`, values: goodAndBad(traffic).all },
      {
        series: `${options.metric}_bucket{outcome="${options.exampleOutcome}",le="${options.threshold}"}`,
        values: goodAndBad(traffic).good,
      },
    ],
  };
}
