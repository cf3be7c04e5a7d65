import sharp from 'sharp';
import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import { DEMO_SCENES } from './demo-svgs.ts';
import { processPhoto } from './photo-image.ts';
import type { PhotoStore } from './photo-store.ts';

const demoKey = (scene: string, variant: number) => `demo-${scene}-${variant}`;

/** Draws the demo's pictures into the store, those missing only (a restart draws nothing), side by side. */
async function drawScenes(store: PhotoStore): Promise<{ width: number; height: number }> {
  const scenes = Object.entries(DEMO_SCENES).flatMap(([scene, { count, draw }]) =>
    Array.from({ length: count }, (_, v) => ({ key: demoKey(scene, v), svg: () => draw(v) })),
  );
  const sizes = await Promise.all(
    scenes.map(async ({ key, svg }) => {
      if (await store.exists(key)) return undefined;
      // Through the same pipeline as an upload: the demo's files are exactly what an upload would store.
      const png = await sharp(Buffer.from(svg())).png({ compressionLevel: 0 }).toBuffer();
      const photo = await processPhoto(png, 'image/png');
      await store.save(photo, key);
      return { width: photo.width, height: photo.height };
    }),
  );
  return sizes.find((s) => s !== undefined) ?? { width: 1600, height: 1067 };
}

/**
 * Gives the demo's hotels (an exterior and two rooms), their room types (a room) and cars (the car) generated
 * photos, once: the demo never shows an empty frame. Listings added later get only what their owners upload.
 */
export async function seedDemoPhotos(db: Db, store: PhotoStore, logger: Logger): Promise<void> {
  const started = Date.now();
  const { width, height } = await drawScenes(store);
  const { rows } = await db.query('SELECT 1 FROM demo_photo_seed');
  if (rows.length > 0) return;
  const [exteriors, rooms, cars] = [DEMO_SCENES.exterior.count, DEMO_SCENES.room.count, DEMO_SCENES.car.count];
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO listing_photos (kind, listing_id, room_type_id, file_key, width, height, position, approved)
       SELECT 'hotels', h.id, NULL,
              CASE WHEN g = 0 THEN 'demo-exterior-' || (h.id % ${exteriors})
                   ELSE 'demo-room-' || ((h.id + g) % ${rooms}) END, $1, $2, g, true
       FROM hotels h CROSS JOIN generate_series(0, 2) g`,
      [width, height],
    );
    await tx.query(
      `INSERT INTO listing_photos (kind, listing_id, room_type_id, file_key, width, height, position, approved)
       SELECT 'hotels', r.hotel_id, r.id, 'demo-room-' || (r.id % ${rooms}), $1, $2, 0, true FROM room_types r`,
      [width, height],
    );
    await tx.query(
      `INSERT INTO listing_photos (kind, listing_id, room_type_id, file_key, width, height, position, approved)
       SELECT 'cars', c.id, NULL, 'demo-car-' || (c.id % ${cars}), $1, $2, 0, true FROM cars c`,
      [width, height],
    );
    await tx.query('INSERT INTO demo_photo_seed DEFAULT VALUES');
  });
  logger.info('demo photos seeded', { ms: Date.now() - started });
}
