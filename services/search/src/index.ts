import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootService } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { bookingClient } from './clients/booking.client.ts';
import { usersClient } from './clients/users.client.ts';
import { config } from './config.ts';
import { rollFlightWindow } from './domain/inventory/roll-window.use-case.ts';
import { seedInventory } from './domain/inventory/seed-inventory.ts';
import { seedDemoPhotos } from './domain/photos/demo-photos.ts';
import { createPhotoStore } from './domain/photos/photo-store.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { db, kv } = await context.storage(migrationsDir);
    // Seeded before serving: on PGlite the seeding transaction holds the only connection for a few seconds.
    const daysAhead = config.FLIGHT_DAYS_BEFORE_SERVING;
    if (config.SEED_INVENTORY === 'demo') {
      await seedInventory(db, { scale: 'demo', logger: context.logger, flightDays: daysAhead });
    }
    const photos = createPhotoStore(config.PHOTOS_DIR ?? join(config.DATA_DIR, 'search', 'photos'));
    if (config.SEED_INVENTORY === 'demo') await seedDemoPhotos(db, photos, context.logger);
    const service = createApp({
      config,
      logger: context.logger,
      db,
      kv,
      access: await context.accessPolicy(kv),
      pastBooking: bookingClient({ url: () => config.BOOKING_URL, serviceToken: await context.serviceToken() }),
      users: usersClient({ url: () => config.AUTH_URL, serviceToken: await context.serviceToken() }),
      errorReporter: context.errorReporter,
      photos,
    });
    // The demo's window of flights moves with the calendar: its next days are written before serving, the rest by
    // the roll's background task, which runs at once and then every INVENTORY_ROLL_MS.
    if (config.INVENTORY_ROLL_MS > 0) {
      await rollFlightWindow(db, { logger: context.logger, daysAhead, dayChanged: service.flightDayChanged });
    }
    context.onClose(service.stats.flush);
    return service;
  },
});
