import type { YamlValue } from '../files/yaml.ts';

/** Where notifications go, by receiver: `page` wakes someone up, `ticket` lands in a queue worked in office hours. */
export interface Receivers {
  page: YamlValue;
  ticket: YamlValue;
}

/** How long Alertmanager waits before notifying, and between reminders. Production's; the live test shortens them. */
export interface Timings {
  pageGroupWait: string;
  ticketGroupWait: string;
  groupInterval: string;
  pageRepeat: string;
  ticketRepeat: string;
}

export const PRODUCTION_TIMINGS: Timings = {
  pageGroupWait: '30s',
  ticketGroupWait: '5m',
  groupInterval: '5m',
  pageRepeat: '1h',
  ticketRepeat: '24h',
};

/**
 * Production receivers: PagerDuty for pages, a Slack channel for tickets. Their secrets are files mounted next to
 * the configuration (a Kubernetes Secret or compose secret), never in this repository.
 */
export const PRODUCTION_RECEIVERS: Receivers = {
  page: {
    pagerduty_configs: [{ routing_key_file: '/etc/alertmanager/secrets/pagerduty-routing-key', send_resolved: true }],
  },
  ticket: {
    slack_configs: [
      {
        api_url_file: '/etc/alertmanager/secrets/slack-webhook-url',
        channel: '#tripwise-tickets',
        send_resolved: true,
        title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} {{ .CommonLabels.service }}',
        text: '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\n{{ end }}',
      },
    ],
  },
};

/** Receivers that POST Alertmanager's webhook JSON to a URL each (`npm run monitor` and the live test). */
export function webhookReceivers(baseUrl: string): Receivers {
  return {
    page: { webhook_configs: [{ url: `${baseUrl}/page`, send_resolved: true }] },
    ticket: { webhook_configs: [{ url: `${baseUrl}/ticket`, send_resolved: true }] },
  };
}

/**
 * The routing tree: by severity to page or ticket, grouped so that one incident is one notification. Cause alerts
 * are held back while their service is down altogether (the page for that says it all), and an alert's ticket while
 * the same alert pages.
 */
export function alertmanagerConfig(receivers: Receivers, timings: Timings = PRODUCTION_TIMINGS): YamlValue {
  return {
    route: {
      receiver: 'ticket',
      group_by: ['environment', 'alertname', 'service', 'slo'],
      group_wait: timings.ticketGroupWait,
      group_interval: timings.groupInterval,
      repeat_interval: timings.ticketRepeat,
      routes: [
        {
          matchers: ['severity="page"'],
          receiver: 'page',
          group_wait: timings.pageGroupWait,
          repeat_interval: timings.pageRepeat,
        },
        { matchers: ['severity="ticket"'], receiver: 'ticket' },
      ],
    },
    inhibit_rules: [
      {
        // A whole service down: its other cause alerts (errors, lag, one instance down, …) add nothing.
        source_matchers: ['alertname="TripwiseServiceDown"'],
        target_matchers: ['kind="cause"', 'alertname!="TripwiseServiceDown"'],
        equal: ['environment', 'service'],
      },
      {
        // One instance down: its own cause alerts add nothing.
        source_matchers: ['alertname="TripwiseTargetDown"'],
        target_matchers: ['kind="cause"', 'alertname!="TripwiseTargetDown"'],
        equal: ['environment', 'service', 'instance'],
      },
      {
        // The same alert paging and filing a ticket (a fast and a slow burn, a certificate nearly expired): page only.
        source_matchers: ['severity="page"'],
        target_matchers: ['severity="ticket"'],
        equal: ['environment', 'alertname', 'service', 'slo', 'instance'],
      },
    ],
    receivers: [
      { name: 'page', ...(receivers.page as Record<string, YamlValue>) },
      { name: 'ticket', ...(receivers.ticket as Record<string, YamlValue>) },
    ],
  };
}
