import { dashboard } from './panels.ts';
import { REQUESTS, sel, sumRate } from './promql.ts';

const searches = `${REQUESTS}${sel('service="search"', 'method="GET"', 'route=~"/api/search/(flights|hotels|cars)"', 'status_code="200"')}`;
const bookings = (window: string) =>
  `sum(rate(${REQUESTS}${sel('service="booking"', 'method="POST"', 'route=~"(/api/bookings)?/"', 'status_code=~"201|202"')}[${window}]))`;

/** What the marketplace does, per minute: for the people who run the business, not the machines. */
export const business = dashboard({
  uid: 'tripwise-business',
  title: 'Tripwise / Business',
  description: 'Searches, bookings, revenue, conversion, sign-ups, AI plans, deals and watches.',
  rows: [
    {
      title: 'Shopping',
      panels: [
        {
          title: 'Searches per minute',
          stack: true,
          queries: [
            {
              expr: `label_replace(${sumRate('route', searches)} * 60, "kind", "$1", "route", "/api/search/(.*)")`,
              legend: '{{kind}}',
            },
          ],
        },
        {
          title: 'Bookings per minute',
          description: 'Confirmed (201) and finishing in the background (202).',
          queries: [{ expr: `${bookings('$__rate_interval')} * 60`, legend: 'bookings' }],
        },
        {
          title: 'Revenue per minute (minor units)',
          description: "Captured payments in cents (or the currency's minor unit), by currency.",
          queries: [
            { expr: `${sumRate('currency', 'booking_revenue_minor_units_total')} * 60`, legend: '{{currency}}' },
          ],
        },
        {
          title: 'Conversion (bookings per search, last hour)',
          unit: 'percentunit',
          queries: [{ expr: `${bookings('1h')} / ${sumRate('', searches, '1h')}`, legend: 'bookings / searches' }],
        },
        {
          title: 'Booking attempts by outcome',
          stack: true,
          queries: [{ expr: `${sumRate('outcome', 'booking_attempts_total')} * 60`, legend: '{{outcome}}' }],
        },
        {
          title: 'Cancellations per minute',
          queries: [
            {
              expr: `${sumRate('', `${REQUESTS}${sel('service="booking"', 'method="POST"', 'route=~"(/api/bookings)?/:id/cancel"', 'status_code="200"')}`)} * 60`,
              legend: 'cancellations',
            },
          ],
        },
      ],
    },
    {
      title: 'Accounts',
      panels: [
        {
          title: 'Sign-ups per minute',
          queries: [
            {
              expr: `${sumRate('', `${REQUESTS}${sel('service="auth"', 'method="POST"', 'route="/api/auth/register"', 'status_code="202"')}`)} * 60`,
              legend: 'sign-ups',
            },
          ],
        },
        {
          title: 'Sign-ins per minute',
          queries: [
            {
              expr: `${sumRate('', `${REQUESTS}${sel('service="auth"', 'method="POST"', 'route="/api/auth/login"', 'status_code="200"')}`)} * 60`,
              legend: 'signed in',
            },
          ],
        },
      ],
    },
    {
      title: 'AI concierge',
      panels: [
        {
          title: 'Chat messages per minute',
          queries: [
            {
              expr: `${sumRate('', `${REQUESTS}${sel('service="ai-agent"', 'method="POST"', 'route="/api/ai/chat"', 'status_code="202"')}`)} * 60`,
              legend: 'messages',
            },
          ],
        },
        {
          title: 'Plans per minute by outcome',
          stack: true,
          queries: [{ expr: `${sumRate('outcome', 'ai_plans_ended_total')} * 60`, legend: '{{outcome}}' }],
        },
        {
          title: 'Plans that ask back or find nothing',
          unit: 'percentunit',
          description: 'The quality signal: a clarifying question or "nothing found" instead of bundles.',
          queries: [
            {
              expr: `${sumRate('outcome', 'ai_plans_ended_total{outcome=~"question|nothing"}')}\n/ ignoring (outcome) group_left\n${sumRate('', 'ai_plans_ended_total')}`,
              legend: '{{outcome}}',
            },
          ],
        },
        {
          title: 'Deals published per hour',
          queries: [{ expr: 'sum(increase(ai_deals_published_total[1h]))', legend: 'deals' }],
        },
        {
          title: 'Price watches',
          queries: [
            { expr: 'sum(ai_watches_active)', legend: 'active' },
            { expr: 'sum(increase(ai_watch_alerts_total[1h]))', legend: 'alerts fired per hour' },
          ],
        },
      ],
    },
  ],
});
