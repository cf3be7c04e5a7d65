import { bootService } from '@tripwise/platform/http';
import { openKvStore } from '@tripwise/platform/kv';
import { SERVICE_NAME, createGatewayApp, type Gateway } from './app.ts';
import { config } from './config.ts';

let gateway: Gateway | undefined;
await bootService({
  name: SERVICE_NAME,
  config,
  build: async ({ logger, errorReporter, onClose, onDrain }) => {
    const kv = await openKvStore(config, logger);
    onClose(() => kv.close());
    const built = createGatewayApp({
      config,
      logger,
      kv,
      sharesAuthStore: config.REDIS_URL !== undefined,
      errorReporter,
    });
    onDrain(async () => built.closeSockets());
    gateway = built;
    return built;
  },
  // Express never sees WebSocket upgrades; the gateway checks and forwards them itself.
  onListening: (server) => server.on('upgrade', (req, socket, head) => void gateway!.handleUpgrade(req, socket, head)),
});
