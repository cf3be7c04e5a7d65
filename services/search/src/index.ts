import { fileURLToPath } from 'node:url';
import { bootService } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { bookingClient } from './clients/booking.client.ts';
import { config } from './config.ts';
import { rollFlightWindow } from './domain/inventory/roll-window.use-case.ts';
import { seedInventory } from './domain/inventory/seed-inventory.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { db, kv } = await context.storage(migrationsDir);
    // Seeded before serving: on PGlite the seeding transaction holds the only connection for a few seconds.
    if (config.SEED_INVENTORY === 'demo') await seedInventory(db, { scale: 'demo', logger: context.logger });
    const service = createApp({
      config,
      logger: context.logger,
      db,
      kv,
      access: await context.accessPolicy(kv),
      pastBooking: bookingClient({ url: () => config.BOOKING_URL, serviceToken: await context.serviceToken() }),
      errorReporter: context.errorReporter,
    });
    // The demo's window of flights moves with the calendar: rolled once before serving, then by a background task.
    if (config.INVENTORY_ROLL_MS > 0) {
      await rollFlightWindow(db, { logger: context.logger, dayChanged: (day) => service.flightDayChanged(day) });
    }
    context.onClose(service.stats.flush);
    return service;
  },
});
