import { fileURLToPath } from 'node:url';
import { verifierFromConfig } from '@tripwise/platform/auth';
import { loadServiceToken } from '@tripwise/platform/config';
import { bootService, openStorage } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { bookingClient } from './clients/booking.client.ts';
import { config } from './config.ts';
import { sweepExpiredHolds } from './domain/holds/holds.use-case.ts';
import { rollFlightWindow } from './domain/inventory/roll-window.use-case.ts';
import { seedInventory } from './domain/inventory/seed-inventory.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));
const SWEEP_MS = 15_000;

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { logger } = context;
    const { db, kv } = await openStorage(SERVICE_NAME, config, migrationsDir, context);
    // Seeded before serving: on PGlite the seeding transaction holds the only connection for a few seconds.
    if (config.SEED_INVENTORY === 'demo') await seedInventory(db, { scale: 'demo', logger });
    const serviceToken = await loadServiceToken(config);
    const verify = verifierFromConfig(config);
    const pastBooking = bookingClient({ url: () => config.BOOKING_URL, serviceToken });
    const service = createApp({
      config,
      logger,
      db,
      kv,
      serviceToken,
      verify,
      pastBooking,
      errorReporter: context.errorReporter,
    });
    const sweeper = setInterval(() => {
      sweepExpiredHolds(db, logger, service.inventoryChanged).catch((err: unknown) =>
        logger.error('hold sweeper failed', { err }),
      );
    }, SWEEP_MS);
    const flusher = setInterval(() => void service.stats.flush(), config.STATS_FLUSH_MS);
    // The demo's window of flights moves with the calendar: days ahead added, days past removed.
    const roll = () =>
      rollFlightWindow(db, { logger, dayChanged: (day) => service.flightDayChanged(day) }).catch((err: unknown) =>
        logger.error('flight window roll failed', { err }),
      );
    if (config.INVENTORY_ROLL_MS > 0) await roll();
    const roller = config.INVENTORY_ROLL_MS > 0 ? setInterval(() => void roll(), config.INVENTORY_ROLL_MS) : undefined;
    const market =
      config.PRICE_TICK_MS > 0
        ? setInterval(() => {
            service.priceMarket.tick().catch((err: unknown) => logger.error('price market tick failed', { err }));
          }, config.PRICE_TICK_MS)
        : undefined;
    context.onClose(async () => {
      clearInterval(sweeper);
      clearInterval(flusher);
      clearInterval(roller);
      clearInterval(market);
      await service.stats.flush();
    });
    return service;
  },
});
