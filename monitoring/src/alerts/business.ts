import { OWN_JOBS, series, target, type CauseAlert } from './types.ts';

const BOOKING_ATTEMPTS = `http_request_duration_seconds_count{${OWN_JOBS},service="booking",method="POST",route=~"(/api/bookings)?/"`;
const declineShare = (window: string) => `(
  sum by (job, service) (rate(${BOOKING_ATTEMPTS},status_code="402"}[${window}]))
  /
  sum by (job, service) (rate(${BOOKING_ATTEMPTS}}[${window}]))
)`;
const attempts = (status: string, values: string) =>
  series(
    'http_request_duration_seconds_count',
    { ...target('booking'), method: 'POST', route: status === '201' ? '/api/bookings/' : '/', status_code: status },
    values,
  );

export const paymentDeclinesSpiking: CauseAlert = {
  name: 'TripwisePaymentDeclinesSpiking',
  rules: [
    {
      severity: 'ticket',
      // Today from booking's 402 answers (a declined card); booking_payments_total{outcome} will say it directly.
      expr: `${declineShare('15m')} > 0.25
and
${declineShare('15m')} > 2 * ${declineShare('6h')}`,
      for: '15m',
    },
  ],
  summary: 'More than a quarter of booking attempts are declined by the card processor, twice the usual share',
  description:
    'For 15 minutes over 25% of booking attempts got 402 (card declined), at least twice the share of the last 6 hours: a problem at the card processor or with one card network, or card testing by a fraudster.',
  tests: [
    {
      name: 'declines jump from 5% to a third for the last hour',
      series: [attempts('201', '0+19x420'), attempts('402', '0+1x360 370+10x59')],
      at: '420m',
      expect: [{ severity: 'ticket', labels: { job: 'booking', service: 'booking' } }],
    },
    {
      name: 'a steady 20% for hours',
      series: [attempts('201', '0+8x420'), attempts('402', '0+2x420')],
      at: '420m',
      expect: [],
    },
    {
      name: 'a steady 30% for hours is high but not a spike',
      series: [attempts('201', '0+7x420'), attempts('402', '0+3x420')],
      at: '420m',
      expect: [],
    },
  ],
};

const awaiting = (values: string) => series('booking_saga_awaiting_recovery', target('booking'), values);

export const bookingRecoveriesPilingUp: CauseAlert = {
  name: 'TripwiseBookingRecoveriesPilingUp',
  rules: [
    { severity: 'ticket', expr: `max by (job, service) (booking_saga_awaiting_recovery{${OWN_JOBS}}) > 0`, for: '15m' },
  ],
  summary: 'Bookings wait for recovery for more than 15 minutes',
  description:
    'Bookings whose worker died (lease run out) are neither confirmed nor undone after 15 minutes: the recovery worker is failing, so travelers may have a card authorised and no answer.',
  tests: [
    {
      name: 'one booking stuck for 20 minutes',
      series: [awaiting('0 0 1x20')],
      at: '20m',
      expect: [{ severity: 'ticket', labels: { job: 'booking', service: 'booking' } }],
    },
    { name: 'three bookings recovered within a minute', series: [awaiting('0 3 0x20')], at: '20m', expect: [] },
  ],
};

const sockets = (values: string) => series('ai_agent_sockets_connected', target('ai-agent'), values);
const disconnects = (reason: string, values: string) =>
  series('ai_agent_socket_disconnects_total', { ...target('ai-agent'), reason }, values);
const dropped = `sum by (job, service, instance) (increase(ai_agent_socket_disconnects_total{${OWN_JOBS},reason!~"client namespace disconnect|server shutting down"}[5m]))`;

export const socketDisconnectStorm: CauseAlert = {
  name: 'TripwiseSocketDisconnectStorm',
  rules: [
    {
      severity: 'ticket',
      // Dropped by the network or timed out, not closed by the traveler or by a deploy: over half an instance's
      // sockets in 5 minutes, and at least 20.
      expr: `${dropped} > 0.5 * max by (job, service, instance) (max_over_time(ai_agent_sockets_connected{${OWN_JOBS}}[5m]))
and
${dropped} > 20`,
      for: '5m',
    },
  ],
  summary: 'AI Mode sockets on {{ $labels.instance }} keep dropping',
  description:
    "More than half of the agent's sockets on {{ $labels.instance }} dropped (transport close, ping timeout) within 5 minutes, for 5 minutes: clients reconnect and resume, but something between them and the agent (edge, gateway, load balancer timeouts) cuts them.",
  tests: [
    {
      name: '300 sockets a minute drop out of 1000',
      series: [sockets('1000x15'), disconnects('transport close', '0x4 0+300x10')],
      at: '12m',
      expect: [{ severity: 'ticket', labels: target('ai-agent') }],
    },
    {
      name: 'travelers closing their tabs',
      series: [sockets('1000x15'), disconnects('client namespace disconnect', '0x4 0+300x10')],
      at: '12m',
      expect: [],
    },
  ],
};
