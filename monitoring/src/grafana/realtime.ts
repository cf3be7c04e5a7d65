import { dashboard } from './panels.ts';
import { REQUESTS, quantile, sel, sumRate } from './promql.ts';

/** AI Mode's live side: sockets per agent instance, how fast events reach them, reconnects and resumes. */
export const realtime = dashboard({
  uid: 'tripwise-realtime',
  title: 'Tripwise / Real time',
  description: 'Socket.IO on the AI agent: connections, event delivery, disconnects and resumes.',
  rows: [
    {
      title: 'Connections',
      panels: [
        {
          title: 'Sockets per agent instance',
          queries: [{ expr: 'sum by (instance) (ai_agent_sockets_connected)', legend: '{{instance}}' }],
        },
        {
          title: 'TCP sockets open in the agent process',
          description:
            'Every socket of the process (travelers, database, Redis, HTTP): an upper bound until sockets are counted.',
          queries: [
            {
              expr: 'sum by (instance) (nodejs_active_handles{service="ai-agent",type="Socket"})',
              legend: '{{instance}}',
            },
          ],
        },
        {
          title: 'Disconnects by reason',
          unit: 'reqps',
          queries: [{ expr: sumRate('reason', 'ai_agent_socket_disconnects_total'), legend: '{{reason}}' }],
        },
        {
          title: 'WebSocket upgrades at the gateway',
          unit: 'reqps',
          queries: [{ expr: sumRate('result', 'gateway_websocket_upgrades_total'), legend: '{{result}}' }],
        },
      ],
    },
    {
      title: 'Events',
      panels: [
        {
          title: 'Delivery latency',
          unit: 's',
          description: 'From an event being emitted on any instance to this instance writing it to its sockets.',
          queries: [
            { expr: quantile(0.5, 'ai_agent_event_delivery_seconds_bucket', ''), legend: 'p50' },
            { expr: quantile(0.99, 'ai_agent_event_delivery_seconds_bucket', ''), legend: 'p99' },
          ],
        },
        {
          title: 'Events delivered by kind',
          unit: 'reqps',
          queries: [{ expr: sumRate('event', 'ai_agent_event_delivery_seconds_count'), legend: '{{event}}' }],
        },
        {
          title: 'Resumes after a reconnect',
          unit: 'reqps',
          queries: [
            { expr: sumRate('result', 'ai_agent_job_resumes_total'), legend: '{{result}}' },
            { expr: sumRate('', 'ai_agent_events_replayed_total'), legend: 'events replayed' },
          ],
        },
        {
          title: 'Chat messages accepted',
          unit: 'reqps',
          description: 'Each starts a plan whose progress streams over the sockets.',
          queries: [
            {
              expr: sumRate(
                '',
                `${REQUESTS}${sel('service="ai-agent"', 'route=~"(/api/ai)?/chat"', 'status_code="202"')}`,
              ),
              legend: 'messages',
            },
          ],
        },
      ],
    },
  ],
});
