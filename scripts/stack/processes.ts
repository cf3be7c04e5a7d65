import { fileURLToPath } from 'node:url';

export const SERVICES = ['auth', 'search', 'booking', 'ai-agent'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type ProcessName = ServiceName | 'api-gateway';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const ENTRY_POINTS: Record<ProcessName, string> = {
  auth: 'services/auth/src/index.ts',
  search: 'services/search/src/index.ts',
  booking: 'services/booking/src/index.ts',
  'ai-agent': 'services/ai-agent/src/index.ts',
  'api-gateway': 'api-gateway/src/index.ts',
};

/** The gateway's variable naming each service's base URL. */
export const UPSTREAM_URL_VARIABLE: Record<ServiceName, string> = {
  auth: 'AUTH_URL',
  search: 'SEARCH_URL',
  booking: 'BOOKING_URL',
  'ai-agent': 'AI_AGENT_URL',
};
