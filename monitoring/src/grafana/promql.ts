/** PromQL the dashboards repeat. `$__rate_interval` is Grafana's: at least four scrape intervals. */

export const RATE = '$__rate_interval';
export const REQUESTS = 'http_request_duration_seconds_count';
export const BUCKETS = 'http_request_duration_seconds_bucket';

/** `{a, b}` of a selector, from label matchers written out, e.g. sel('service="auth"', 'route!="/metrics"'). */
export const sel = (...matchers: string[]) => `{${matchers.join(',')}}`;

export const sumRate = (by: string, selector: string, window = RATE) =>
  by ? `sum by (${by}) (rate(${selector}[${window}]))` : `sum(rate(${selector}[${window}]))`;

/**
 * The share of `part` in `whole`, by `by`: 0 (not "no data") while `part` has no series yet, since a counter with
 * labels only appears at its first event.
 */
export const share = (by: string, part: string, whole: string, window = RATE) =>
  `(${sumRate(by, part, window)} or 0 * ${sumRate(by, whole, window)})\n/\n${sumRate(by, whole, window)}`;

export const quantile = (q: number, buckets: string, by: string) =>
  `histogram_quantile(${q}, sum by (${by ? `${by}, ` : ''}le) (rate(${buckets}[${RATE}])))`;

/** Requests that are not Prometheus scraping. */
export const NOT_SCRAPES = 'route!="/metrics"';
