import { bootService } from '@tripwise/platform/http';
import { SERVICE_NAME, createGatewayApp } from './app.ts';
import { config } from './config.ts';

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const kv = await context.kvStore();
    const gateway = createGatewayApp({
      config,
      logger: context.logger,
      kv,
      access: await context.accessPolicy(kv, { denyCacheMs: config.DENY_LIST_CACHE_MS }),
      errorReporter: context.errorReporter,
      ...(config.SENTRY_DSN
        ? { browserErrors: { dsn: config.SENTRY_DSN, environment: config.NODE_ENV, release: config.SENTRY_RELEASE } }
        : {}),
    });
    context.onDrain(async () => gateway.closeSockets());
    return gateway;
  },
});
