import { httpAvailability, httpLatency, histogramLatency, outcomeRatio, type HttpRoutes, type Sli } from './sli.ts';

/**
 * Tripwise's service level objectives: what a traveler must be able to count on, each over 30 days. Recording rules
 * and multiwindow, multi-burn-rate alerts (SRE Workbook, ch. 5) are generated from this list by
 * `npm run monitor -- generate`; so are the SLO runbooks and the promtool tests of the alerts.
 *
 * Objectives were chosen against what the benchmarks measured on a 2-core machine (README, "Benchmarks"), with room
 * for a busy day: searches answer in 10 ms at p95 under 100 users, sign-in is bound by argon2id on purpose, a
 * booking's p99 stays under 2 s even at saturation, and plans reach their result within a second at p95.
 */
export interface Slo {
  /** Label value `slo` on every series and alert of this SLO. */
  name: string;
  /** The alert's name; its runbook is monitoring/runbooks/<alert>.md. */
  alert: string;
  journey: 'sign-in' | 'search' | 'booking' | 'ai-planning';
  /** The process whose job it is (job and service labels). */
  service: 'auth' | 'search' | 'booking' | 'ai-agent';
  kind: 'availability' | 'latency';
  /** Share of good events over the period, e.g. 0.999. */
  objective: number;
  periodDays: number;
  /** One sentence a traveler would understand: the promise. */
  promise: string;
  sli: Sli;
  /** How to look into it and what to do, for the generated runbook. */
  confirm: string[];
  actions: string[];
}

const signIn: HttpRoutes = {
  service: 'auth',
  upstream: 'auth',
  method: 'POST',
  mount: '/api/auth',
  paths: '/(login|login/mfa|refresh)',
  exampleRoute: '/api/auth/login',
  exampleErrorRoute: '/login',
};
const searches: HttpRoutes = {
  service: 'search',
  upstream: 'search',
  method: 'GET',
  mount: '/api/search',
  paths: '/(flights|hotels|cars)',
  exampleRoute: '/api/search/flights',
  exampleErrorRoute: '/flights',
};
const searchPages: HttpRoutes = { ...searches, paths: '/((flights|hotels|cars)(/:id)?|places)' };
const booking: HttpRoutes = {
  service: 'booking',
  upstream: 'booking',
  method: 'POST',
  mount: '/api/bookings',
  paths: '/',
  exampleRoute: '/api/bookings/',
  exampleErrorRoute: '/',
};
const aiChat: HttpRoutes = {
  service: 'ai-agent',
  upstream: 'ai-agent',
  method: 'POST',
  mount: '/api/ai',
  paths: '/chat',
  exampleRoute: '/api/ai/chat',
  exampleErrorRoute: '/chat',
};
/** ai_plan_duration_seconds's buckets, as the agent declares them (services/ai-agent/src/agent.metrics.ts). */
const planBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const CHECK_SERVICE = (service: string) =>
  `Open the "Tripwise / ${service}" dashboard: which routes fail or slow down, since when, on which instances.`;
const CHECK_GATEWAY =
  'Open "Tripwise / api-gateway": upstream errors by kind (unreachable, timeout, circuit-open) show whether the gateway reaches the service at all.';

export const SLOS: Slo[] = [
  {
    name: 'sign-in-availability',
    alert: 'SignInAvailabilityBudgetBurn',
    journey: 'sign-in',
    service: 'auth',
    kind: 'availability',
    objective: 0.999,
    periodDays: 30,
    promise: '99.9% of sign-ins (password, second factor, token refresh) are answered without a server error.',
    sli: httpAvailability(signIn),
    confirm: [
      CHECK_SERVICE('auth'),
      CHECK_GATEWAY,
      'Read auth\'s error lines: `npm start` prints them; in production, its JSON logs with level "error".',
    ],
    actions: [
      'If auth is down or not ready, see TripwiseServiceDown / TripwiseDependencyUnreachable: it is usually the database or Redis.',
      'A failing refresh signs every traveler out within 10 minutes: treat it as the most urgent sign-in failure.',
      'If a deploy started it, roll back first and look for the cause after.',
    ],
  },
  {
    name: 'sign-in-latency',
    alert: 'SignInLatencyBudgetBurn',
    journey: 'sign-in',
    service: 'auth',
    kind: 'latency',
    objective: 0.99,
    periodDays: 30,
    promise: '99% of sign-ins are answered within 1 second.',
    sli: httpLatency(signIn, 1),
    confirm: [
      CHECK_SERVICE('auth'),
      'Check the CPU of auth: each password check is an argon2id hash (m=19 MiB, t=2), so a wave of sign-ins (or an attack past the rate limits) saturates it.',
    ],
    actions: [
      'Add auth instances: argon2id is CPU-bound and scales out.',
      'If one address or account drives it, tighten RATE_LIMIT_AUTH_PER_15_MINUTES / LOGINS_PER_IP_PER_5_MINUTES.',
    ],
  },
  {
    name: 'search-availability',
    alert: 'SearchAvailabilityBudgetBurn',
    journey: 'search',
    service: 'search',
    kind: 'availability',
    objective: 0.999,
    periodDays: 30,
    promise: '99.9% of searches, details pages and type-ahead requests are answered without a server error.',
    sli: httpAvailability(searchPages),
    confirm: [CHECK_SERVICE('search'), CHECK_GATEWAY],
    actions: [
      'If search is down or not ready, see TripwiseServiceDown / TripwiseDependencyUnreachable.',
      'If only one kind fails (flights, hotels or cars), look at its held scopes and at the database queries of that kind in the logs.',
      'If a deploy started it, roll back.',
    ],
  },
  {
    name: 'search-latency',
    alert: 'SearchLatencyBudgetBurn',
    journey: 'search',
    service: 'search',
    kind: 'latency',
    objective: 0.999,
    periodDays: 30,
    promise: '99.9% of flight, hotel and car searches are answered within 250 ms.',
    sli: httpLatency(searches, 0.25),
    confirm: [
      CHECK_SERVICE('search'),
      'Look at the held-scope hit ratio: a sudden drop (many price moves or holds bumping versions, or SEARCH_HELD_* set too low) sends searches to the database.',
      "Look at search's event-loop lag and memory: a scope read of a huge city or day blocks the loop.",
    ],
    actions: [
      'Add search instances (each holds its own scopes; they warm up in a few searches).',
      'Raise SEARCH_HELD_FLIGHTS / _HOTELS / _CARS if scopes are let go too often and memory allows.',
      'If the database is slow, see its own dashboards (locks, CPU, missing index after a migration).',
    ],
  },
  {
    name: 'booking-availability',
    alert: 'BookingAvailabilityBudgetBurn',
    journey: 'booking',
    service: 'booking',
    kind: 'availability',
    objective: 0.999,
    periodDays: 30,
    promise:
      '99.9% of booking attempts are answered without a server error (a declined card, a sold-out item or a changed price is an answer, not an error).',
    sli: httpAvailability(booking),
    confirm: [
      CHECK_SERVICE('booking'),
      CHECK_GATEWAY,
      "A 503 from booking means search or the card processor did not answer: check both (search's dashboard, PAYMENTS_URL).",
    ],
    actions: [
      'Nothing is charged when booking answers 503, and a retry with the same Idempotency-Key is safe: travelers can try again once the dependency is back.',
      'If bookings are left unfinished, the recovery worker finishes or undoes them; see TripwiseBookingRecoveriesPilingUp.',
      'If a deploy started it, roll back.',
    ],
  },
  {
    name: 'booking-latency',
    alert: 'BookingLatencyBudgetBurn',
    journey: 'booking',
    service: 'booking',
    kind: 'latency',
    objective: 0.99,
    periodDays: 30,
    promise: '99% of booking attempts are answered within 2.5 seconds.',
    sli: httpLatency(booking, 2.5),
    confirm: [
      CHECK_SERVICE('booking'),
      "A booking waits on search's holds and on the card processor: check search's latency and the processor's.",
    ],
    actions: [
      'If the card processor is slow, nothing here makes it faster: tell its provider, and keep an eye on 202 answers (finished in the background).',
      'If the database is slow, check its locks: bookings of the same listing contend on its counters.',
    ],
  },
  {
    name: 'ai-chat-availability',
    alert: 'AiChatAvailabilityBudgetBurn',
    journey: 'ai-planning',
    service: 'ai-agent',
    kind: 'availability',
    objective: 0.999,
    periodDays: 30,
    promise: '99.9% of chat messages to the AI concierge are accepted (202) without a server error.',
    sli: httpAvailability(aiChat),
    confirm: [CHECK_SERVICE('ai-agent'), CHECK_GATEWAY],
    actions: [
      'If the agent is down or not ready, see TripwiseServiceDown / TripwiseDependencyUnreachable.',
      'If a deploy started it, roll back.',
    ],
  },
  {
    name: 'ai-planning-availability',
    alert: 'AiPlanningAvailabilityBudgetBurn',
    journey: 'ai-planning',
    service: 'ai-agent',
    kind: 'availability',
    objective: 0.99,
    periodDays: 30,
    promise:
      '99% of trip plans end with an answer (bundles, a clarifying question, "nothing found" or another answer), not an error; cancelled plans do not count.',
    sli: outcomeRatio({
      metric: 'ai_plans_ended_total',
      bad: ['failed'],
      good: ['bundles', 'question', 'nothing', 'answer'],
      excluded: ['cancelled'],
    }),
    confirm: [
      CHECK_SERVICE('ai-agent'),
      'Read the agent\'s plan:error lines: "instance-lost" means an agent instance died mid-plan; LLM failures name their code.',
      'If an LLM is configured (LLM_BASE_URL), check its provider: the agent falls back to its rule-based parser, but a slow LLM still fails plans on timeout.',
    ],
    actions: [
      'If search fails, plans fail with it: see SearchAvailabilityBudgetBurn.',
      'If instances die (instance-lost), look at their memory and restarts.',
    ],
  },
  {
    name: 'ai-planning-latency',
    alert: 'AiPlanningLatencyBudgetBurn',
    journey: 'ai-planning',
    service: 'ai-agent',
    kind: 'latency',
    objective: 0.95,
    periodDays: 30,
    promise: '95% of trip plans reach their result within 2.5 seconds of the message.',
    sli: histogramLatency({
      metric: 'ai_plan_duration_seconds',
      threshold: 2.5,
      buckets: planBuckets,
      excludedOutcomes: ['cancelled'],
      exampleOutcome: 'bundles',
    }),
    confirm: [
      CHECK_SERVICE('ai-agent'),
      "A plan waits on search (three searches per plan) and on the LLM when configured: check search's latency first.",
    ],
    actions: [
      'Add agent instances if they are CPU-bound (event-loop lag); add search instances if search is slow.',
      'If the LLM is slow, lower LLM_TIMEOUT_MS (2.5 s by default) so the rule-based parser takes over sooner.',
    ],
  },
];

/** The burn-rate windows of the SRE Workbook (table 5-8), for a 30-day period. */
export const BURN_WINDOWS = [
  { severity: 'page', factor: 14.4, long: '1h', short: '5m' },
  { severity: 'page', factor: 6, long: '6h', short: '30m' },
  { severity: 'ticket', factor: 3, long: '1d', short: '2h' },
  { severity: 'ticket', factor: 1, long: '3d', short: '6h' },
] as const;

/** Every window a rule needs a ratio for. */
export const RATIO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
