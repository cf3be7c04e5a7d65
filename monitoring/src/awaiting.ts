/**
 * What reads a metric no process exposes yet (metrics-to-add.ts), listed by hand: the live test lets exactly these
 * panel queries come back empty and fails if any of them returns data (then delete its line), and the static tests
 * fail if a query, alert or SLO reads an awaited metric without being listed here. The second pass empties all three.
 */

/** `<dashboard uid> / <panel title> / <refId>` of each query that may return no data yet. */
export const PANEL_QUERIES_AWAITING_METRICS: string[] = [];

/** Alerts that cannot fire until their metric exists (their promtool tests already use its name). */
export const ALERTS_AWAITING_METRICS: string[] = [];

/** SLOs whose indicator is not measured yet: their rules evaluate to nothing (0/0) until it is. */
export const SLOS_AWAITING_METRICS: string[] = [];
