import { dashboard, type RowSpec } from './panels.ts';
import { REQUESTS, quantile, sel, share, sumRate } from './promql.ts';
import { dependenciesRow, processRow, redRow, sloRow } from './service-rows.ts';

const bookingAttempts = (...more: string[]) =>
  `${REQUESTS}${sel('service="booking"', 'method="POST"', 'route=~"(/api/bookings)?/"', ...more)}`;

const gatewayRow: RowSpec = {
  title: 'Upstreams',
  panels: [
    {
      title: 'Upstream latency p95',
      unit: 's',
      queries: [
        { expr: quantile(0.95, 'gateway_upstream_duration_seconds_bucket', 'upstream'), legend: '{{upstream}}' },
      ],
    },
    {
      title: 'Upstream answers by status class',
      unit: 'reqps',
      queries: [
        {
          expr: sumRate('upstream, status_class', 'gateway_upstream_duration_seconds_count'),
          legend: '{{upstream}} {{status_class}}',
        },
      ],
    },
    {
      title: "Gateway's own failed answers",
      unit: 'reqps',
      queries: [{ expr: sumRate('upstream, kind', 'gateway_upstream_errors_total'), legend: '{{upstream}} {{kind}}' }],
    },
    {
      title: 'Circuit breakers (0 closed, 1 half-open, 2 open)',
      max: 2,
      queries: [{ expr: 'max by (upstream) (gateway_circuit_state)', legend: '{{upstream}}' }],
    },
    {
      title: 'Rate-limit refusals',
      unit: 'reqps',
      queries: [{ expr: sumRate('limiter', 'gateway_rate_limited_total'), legend: '{{limiter}}' }],
    },
    {
      title: 'WebSocket upgrades',
      unit: 'reqps',
      queries: [{ expr: sumRate('result', 'gateway_websocket_upgrades_total'), legend: '{{result}}' }],
    },
  ],
};

const authRow: RowSpec = {
  title: 'Sign-in',
  panels: [
    {
      title: 'Sign-in answers by status',
      unit: 'reqps',
      queries: [
        {
          expr: sumRate(
            'status_code',
            `${REQUESTS}${sel('service="auth"', 'method="POST"', 'route=~"(/api/auth)?/login(/mfa)?"')}`,
          ),
          legend: '{{status_code}}',
        },
      ],
    },
    {
      title: 'Sign-ins by outcome',
      unit: 'reqps',
      queries: [{ expr: sumRate('outcome', 'auth_logins_total'), legend: '{{outcome}}' }],
    },
    {
      title: 'Second-factor challenges',
      unit: 'reqps',
      queries: [{ expr: sumRate('method, outcome', 'auth_mfa_challenges_total'), legend: '{{method}} {{outcome}}' }],
    },
    {
      title: 'Refresh-token reuse detected',
      description:
        'A replayed refresh token: the session is revoked and its owner told. More than a trickle means stolen tokens.',
      queries: [{ expr: 'sum(increase(auth_refresh_reuse_detected_total[1h]))', legend: 'per hour' }],
    },
  ],
};

const searchRow: RowSpec = {
  title: 'What search holds in memory',
  panels: [
    {
      title: 'Searches answered from held scopes',
      unit: 'percentunit',
      max: 1,
      description: 'Hit: the day, city or place was held at its current version; miss: it was read again first.',
      queries: [
        {
          expr: share('kind', 'search_memory_requests_total{result="hit"}', 'search_memory_requests_total'),
          legend: '{{kind}}',
        },
      ],
    },
    { title: 'Listings in memory', queries: [{ expr: 'sum by (kind) (search_memory_listings)', legend: '{{kind}}' }] },
    {
      title: 'Details pages answered from memory',
      unit: 'percentunit',
      max: 1,
      queries: [
        {
          expr: share('kind', 'search_details_requests_total{result="hit"}', 'search_details_requests_total'),
          legend: '{{kind}}',
        },
      ],
    },
    {
      title: 'Holds by outcome',
      unit: 'reqps',
      description: 'sold_out is an oversell refused: two bookings for the last unit.',
      queries: [{ expr: sumRate('outcome', 'search_holds_total'), legend: '{{outcome}}' }],
    },
  ],
};

const bookingRow: RowSpec = {
  title: 'Bookings and payments',
  panels: [
    {
      title: 'Booking attempts by answer',
      unit: 'reqps',
      stack: true,
      description: '201 confirmed, 202 finishing in the background, 402 card declined, 409 sold out or price changed.',
      queries: [{ expr: sumRate('status_code', bookingAttempts()), legend: '{{status_code}}' }],
    },
    {
      title: 'Cards declined (share of attempts)',
      unit: 'percentunit',
      queries: [{ expr: share('', bookingAttempts('status_code="402"'), bookingAttempts()), legend: 'declined' }],
    },
    {
      title: 'Saga steps',
      unit: 'reqps',
      queries: [{ expr: sumRate('step, outcome', 'booking_saga_steps_total'), legend: '{{step}} {{outcome}}' }],
    },
    {
      title: 'Recoveries',
      queries: [
        { expr: sumRate('outcome', 'booking_saga_recoveries_total'), legend: '{{outcome}} per second' },
        { expr: 'sum(booking_saga_awaiting_recovery)', legend: 'awaiting recovery' },
      ],
    },
    {
      title: 'Card authorisations',
      unit: 'reqps',
      queries: [{ expr: sumRate('outcome', 'booking_payments_total'), legend: '{{outcome}}' }],
    },
  ],
};

const agentRow: RowSpec = {
  title: 'Planning',
  panels: [
    {
      title: 'Chat messages by answer',
      unit: 'reqps',
      queries: [
        {
          expr: sumRate(
            'status_code',
            `${REQUESTS}${sel('service="ai-agent"', 'method="POST"', 'route=~"(/api/ai)?/chat"')}`,
          ),
          legend: '{{status_code}}',
        },
      ],
    },
    {
      title: 'Plans by outcome',
      unit: 'reqps',
      stack: true,
      queries: [{ expr: sumRate('outcome', 'ai_plans_ended_total'), legend: '{{outcome}}' }],
    },
    {
      title: 'Time to first progress and to result (p95)',
      unit: 's',
      queries: [
        { expr: quantile(0.95, 'ai_plan_first_progress_seconds_bucket', ''), legend: 'first progress' },
        { expr: quantile(0.95, 'ai_plan_duration_seconds_bucket', ''), legend: 'result' },
      ],
    },
  ],
};

function serviceDashboard(service: string, description: string, rows: RowSpec[]) {
  return dashboard({ uid: `tripwise-${service}`, title: `Tripwise / ${service}`, description, rows });
}

export const serviceDashboards = [
  serviceDashboard('api-gateway', 'The one way in: its requests by upstream, what it answers itself, its limits.', [
    redRow('api-gateway'),
    gatewayRow,
    processRow('api-gateway'),
    dependenciesRow('api-gateway', { database: false, callsServices: false }),
  ]),
  serviceDashboard('auth', 'Accounts, sessions and second factors.', [
    sloRow('auth'),
    redRow('auth'),
    authRow,
    processRow('auth'),
    dependenciesRow('auth', { database: true, callsServices: false }),
  ]),
  serviceDashboard('search', 'Inventory, searches, held scopes, holds and the price market.', [
    sloRow('search'),
    redRow('search'),
    searchRow,
    processRow('search'),
    dependenciesRow('search', { database: true, callsServices: false }),
  ]),
  serviceDashboard('booking', 'Bookings, the saga, payments and billing.', [
    sloRow('booking'),
    redRow('booking'),
    bookingRow,
    processRow('booking'),
    dependenciesRow('booking', { database: true, callsServices: true }),
  ]),
  serviceDashboard('ai-agent', 'The concierge: chat, plans, deals and watches (sockets: see Tripwise / Real time).', [
    sloRow('ai-agent'),
    redRow('ai-agent'),
    agentRow,
    processRow('ai-agent'),
    dependenciesRow('ai-agent', { database: true, callsServices: true }),
  ]),
];
