import type { YamlValue } from '../files/yaml.ts';
import {
  databaseUnreachable,
  dependencyUnreachable,
  highErrorRatio,
  redisUnreachable,
  serviceDown,
  targetDown,
  unexpectedErrors,
} from './availability.ts';
import { bookingRecoveriesPilingUp, paymentDeclinesSpiking, socketDisconnectStorm } from './business.ts';
import { edgeCertificateExpiry } from './edge.ts';
import { circuitOpen, upstreamFailing } from './gateway.ts';
import { eventLoopLagHigh, fileDescriptorsHigh, heapNearLimit, memoryHigh, rateLimitingSurge } from './saturation.ts';
import { annotations, type CauseAlert } from './types.ts';

export const CAUSE_ALERT_GROUPS: { name: string; alerts: CauseAlert[] }[] = [
  {
    name: 'tripwise-availability',
    alerts: [
      serviceDown,
      targetDown,
      dependencyUnreachable,
      databaseUnreachable,
      redisUnreachable,
      highErrorRatio,
      unexpectedErrors,
    ],
  },
  {
    name: 'tripwise-saturation',
    alerts: [eventLoopLagHigh, memoryHigh, heapNearLimit, fileDescriptorsHigh, rateLimitingSurge],
  },
  { name: 'tripwise-gateway', alerts: [upstreamFailing, circuitOpen] },
  { name: 'tripwise-business', alerts: [paymentDeclinesSpiking, bookingRecoveriesPilingUp, socketDisconnectStorm] },
  { name: 'tripwise-edge', alerts: [edgeCertificateExpiry] },
];

export const CAUSE_ALERTS: CauseAlert[] = CAUSE_ALERT_GROUPS.flatMap((group) => group.alerts);

/**
 * The rule file of one group of cause alerts (monitoring/prometheus/rules/<group>.rules.yml). `forOverride` replaces
 * every `for:` (the live test waits seconds, not minutes, for a service it killed); the expressions stay these.
 */
export function causeAlertRuleFile(
  group: { name: string; alerts: CauseAlert[] },
  options: { forOverride?: string } = {},
): YamlValue {
  return {
    groups: [
      {
        name: group.name,
        rules: group.alerts.flatMap((alert) =>
          alert.rules.map((rule) => ({
            alert: alert.name,
            expr: rule.expr,
            for: options.forOverride ?? rule.for,
            labels: { severity: rule.severity, kind: 'cause' },
            annotations: annotations(alert),
          })),
        ),
      },
    ],
  };
}

export const causeRuleFileName = (group: { name: string }) => `${group.name}.rules.yml`;
