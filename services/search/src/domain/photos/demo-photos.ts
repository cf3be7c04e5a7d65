import sharp from 'sharp';
import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import { DEMO_SCENES } from './demo-svgs.ts';
import { processPhoto } from './photo-image.ts';
import type { PhotoStore } from './photo-store.ts';

const demoKey = (scene: string, variant: number) => `demo-${scene}-${variant}`;

/** Draws the demo's pictures into the store, those missing only (a restart draws nothing). */
async function drawScenes(store: PhotoStore): Promise<{ width: number; height: number }> {
  let size = { width: 1600, height: 1067 };
  for (const [scene, { count, draw }] of Object.entries(DEMO_SCENES)) {
    for (let v = 0; v < count; v++) {
      const key = demoKey(scene, v);
      if (await store.exists(key)) continue;
      // Through the same pipeline as an upload: the demo's files are exactly what an upload would store.
      const png = await sharp(Buffer.from(draw(v)))
        .png()
        .toBuffer();
      const photo = await processPhoto(png, 'image/png');
      size = { width: photo.width, height: photo.height };
      await store.save(photo, key);
    }
  }
  return size;
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
