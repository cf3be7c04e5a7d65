import { z } from 'zod';
import { parseConfig, portSchema } from '@tripwise/platform/config';
import { loadStackConfig } from '../../scripts/stack/config.ts';

/**
 * What `npm run monitor` reads: the running stack's own settings (its ports and DATA_DIR, as `npm start` read
 * them) and where Prometheus and Alertmanager listen. Both listen on loopback only.
 */
export function loadMonitorConfig(env: NodeJS.ProcessEnv) {
  return {
    stack: loadStackConfig(env),
    ...parseConfig(
      z.object({
        PROMETHEUS_PORT: portSchema(9090),
        ALERTMANAGER_PORT: portSchema(9093),
        /** Where Prometheus's and Alertmanager's programs are looked up (then /usr/bin, /usr/sbin). */
        PATH: z.string().default(''),
      }),
      env,
    ),
  };
}

export const monitorConfig = loadMonitorConfig(process.env);
