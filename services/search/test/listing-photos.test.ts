import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureLogs } from '@tripwise/platform/testing';
import { seedDemoPhotos } from '../src/domain/photos/demo-photos.ts';
import { createPhotoStore } from '../src/domain/photos/photo-store.ts';
import { aDenverHotelListing, givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

const hotel = (name: string) =>
  aDenverHotelListing(name, {
    rooms: [
      { name: 'King', capacity: 2, units: 10, nightlyPrice: 21_000 },
      { name: 'Twin', capacity: 2, units: 5, nightlyPrice: 18_000 },
    ],
  });

/** A camera's JPEG: 2400×1600, with EXIF (a GPS position and the camera's make) that must not reach travelers. */
const cameraJpeg = (colour = { r: 200, g: 120, b: 40 }) =>
  sharp({ create: { width: 2400, height: 1600, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretCam', Copyright: 'Owner Home' }, IFD3: { GPSLatitudeRef: 'N' } })
    .toBuffer();
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();

async function givenAnOwnersHotel(options: { live?: boolean } = {}) {
  const ownerId = randomUUID();
  const owner = await service.token('owner', ownerId);
  const admin = await service.token('admin');
  const created = await service.as(
    owner,
    'POST',
    '/api/listings/hotels',
    hotel(`Photo Inn ${randomUUID().slice(0, 8)}`),
  );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  if (options.live) {
    const approved = await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, { action: 'approve' });
    expect(approved.status).toBe(200);
  }
  const listing = await service.as(owner, 'GET', `/api/listings/hotels/${id}`);
  return { owner, admin, id, rooms: listing.body.rooms as { id: string }[] };
}

const fileOf = (src: string) => src.replace('/api/search/photos/', '');
const travelerPhotos = async (id: string) =>
  (await service.get(`/api/search/hotels/${id}`)).body.photos as { id: string }[];
const coverInSearch = async (id: string) => {
  const res = await service.get('/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-02&limit=100');
  return res.body.items.find((h: { id: string }) => h.id === id)?.photo;
};

describe('POST /api/listings/:kind/:id/photos', () => {
  test('When an owner uploads a camera JPEG, then it is stored as WebP within 1600 pixels, without its metadata, and served cached for a year', async () => {
    const { owner, id } = await givenAnOwnersHotel();
    const upload = await cameraJpeg();
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const res = await service.upload(owner, `/api/listings/hotels/${id}/photos`, upload, 'image/jpeg');
    expect(res).toMatchObject({
      status: 201,
      body: { width: 1600, height: 1067, approved: false, roomTypeId: null, card: { width: 480, height: 320 } },
    });
    const file = await fetch(`${service.url}${res.body.src}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stored = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 1600, height: 1067 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    const card = await sharp(join(service.photosDir, fileOf(res.body.card.src))).metadata();
    expect(card).toMatchObject({ width: 480, height: 320 });
  });

  test('When the owner uploads to one of the hotel’s room types, then the photo is that room type’s; another hotel’s room type is refused naming roomTypeId', async () => {
    const mine = await givenAnOwnersHotel();
    const other = await givenAnOwnersHotel();
    const ok = await service.upload(
      mine.owner,
      `/api/listings/hotels/${mine.id}/photos?roomTypeId=${mine.rooms[1]!.id}`,
      await png(800, 600),
      'image/png',
    );
    expect(ok).toMatchObject({ status: 201, body: { roomTypeId: mine.rooms[1]!.id, width: 800, height: 600 } });
    const refused = await service.upload(
      mine.owner,
      `/api/listings/hotels/${mine.id}/photos?roomTypeId=${other.rooms[0]!.id}`,
      await png(800, 600),
      'image/png',
    );
    expect(refused).toMatchObject({ status: 400, body: { errors: [{ in: 'query', field: 'roomTypeId' }] } });
  });

  test('When the same upload is retried with its Idempotency-Key, then one photo is made and the retry answers it', async () => {
    const { owner, id } = await givenAnOwnersHotel();
    const bytes = await png(640, 480);
    const headers = { 'idempotency-key': `photo-${randomUUID()}` };
    const first = await service.upload(owner, `/api/listings/hotels/${id}/photos`, bytes, 'image/png', headers);
    const again = await service.upload(owner, `/api/listings/hotels/${id}/photos`, bytes, 'image/png', headers);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    expect((await service.as(owner, 'GET', `/api/listings/hotels/${id}/photos`)).body.items).toHaveLength(1);
  });

  test.each([
    ['text', 'text/plain', async () => Buffer.from('hello'), 415, 'headers', 'content-type'],
    ['a PNG said to be a JPEG', 'image/jpeg', () => png(800, 600), 400, 'headers', 'content-type'],
    ['bytes that are no image', 'image/webp', async () => Buffer.from('RIFF....WEBPnot really'), 400, 'body', 'body'],
    ['an image under 320 pixels on a side', 'image/png', () => png(1000, 200), 400, 'body', 'body'],
    ['an image over 40 megapixels', 'image/png', () => png(8000, 5100), 413, 'body', 'body'],
  ])(
    'When the upload is %s, then it is refused naming the field and nothing is stored',
    async (_what, type, bytes, status, where, field) => {
      const { owner, id } = await givenAnOwnersHotel();
      const res = await service.upload(owner, `/api/listings/hotels/${id}/photos`, await bytes(), type);
      expect(res).toMatchObject({ status, body: { status, errors: [{ in: where, field }] } });
      expect((await service.as(owner, 'GET', `/api/listings/hotels/${id}/photos`)).body.items).toEqual([]);
    },
  );

  test('When the body is over 10 MB, then it is refused with 413 problem+json', async () => {
    const { owner, id } = await givenAnOwnersHotel();
    const res = await service.upload(
      owner,
      `/api/listings/hotels/${id}/photos`,
      new Uint8Array(10 * 1024 * 1024 + 1),
      'image/jpeg',
    );
    expect(res).toMatchObject({ status: 413, body: { status: 413 } });
  });

  test('When a traveler, nobody, another owner or an admin without the second factor uploads, lists, reorders or deletes, then each is refused', async () => {
    const { owner, id } = await givenAnOwnersHotel();
    const made = await service.upload(owner, `/api/listings/hotels/${id}/photos`, await png(640, 480), 'image/png');
    const callers: [string | null, number][] = [
      [null, 401],
      [await service.token('traveler'), 403],
      [await service.token('owner', randomUUID()), 404],
      [await service.adminWithoutSecondFactor(), 403],
    ];
    for (const [token, status] of callers) {
      const bytes = await png(640, 480);
      expect((await service.upload(token, `/api/listings/hotels/${id}/photos`, bytes, 'image/png')).status).toBe(
        status,
      );
      expect((await service.as(token, 'GET', `/api/listings/hotels/${id}/photos`)).status).toBe(status);
      const order = { ids: [made.body.id] };
      expect((await service.as(token, 'PUT', `/api/listings/hotels/${id}/photos/order`, order)).status).toBe(status);
      expect((await service.as(token, 'DELETE', `/api/listings/hotels/${id}/photos/${made.body.id}`)).status).toBe(
        status,
      );
    }
    expect((await service.as(owner, 'GET', `/api/listings/hotels/${id}/photos`)).body.items).toHaveLength(1);
  });
});

describe('review of photos', () => {
  test('When the owner of a live hotel uploads a photo, then travelers do not see it until an admin approves the change it makes', async () => {
    const { owner, admin, id } = await givenAnOwnersHotel({ live: true });
    const up = await service.upload(owner, `/api/listings/hotels/${id}/photos`, await cameraJpeg(), 'image/jpeg');
    expect(up.body.approved).toBe(false);
    expect(await travelerPhotos(id)).toEqual([]);
    expect(await coverInSearch(id)).toBeNull();
    const mine = await service.as(owner, 'GET', `/api/listings/hotels/${id}`);
    expect(mine.body.pendingChange).toMatchObject({ changedFields: ['photos'] });
    const queue = await service.as(admin, 'GET', '/api/listings/review-queue?type=change&limit=100');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);

    const approved = await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, { action: 'approve' });
    expect(approved).toMatchObject({
      status: 200,
      body: { review: { status: 'change-approved' }, pendingChange: null },
    });
    expect((await travelerPhotos(id)).map((p) => p.id)).toEqual([up.body.id]);
    expect(await coverInSearch(id)).toMatchObject({ id: up.body.id, src: up.body.src });
  });

  test('When an admin rejects a change of photos, then the photos and their files are gone', async () => {
    const { owner, admin, id } = await givenAnOwnersHotel({ live: true });
    const up = await service.upload(owner, `/api/listings/hotels/${id}/photos`, await png(900, 600), 'image/png');
    const rejected = await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, {
      action: 'reject',
      note: 'Show the hotel, not a blue wall.',
    });
    expect(rejected).toMatchObject({ status: 200, body: { review: { status: 'change-rejected' } } });
    expect((await service.as(owner, 'GET', `/api/listings/hotels/${id}/photos`)).body.items).toEqual([]);
    expect(existsSync(join(service.photosDir, fileOf(up.body.src)))).toBe(false);
    expect((await fetch(`${service.url}${up.body.src}`)).status).toBe(404);
  });

  test('When the owner deletes the only photo waiting, then the change it made leaves the queue', async () => {
    const { owner, id } = await givenAnOwnersHotel({ live: true });
    const up = await service.upload(owner, `/api/listings/hotels/${id}/photos`, await png(900, 600), 'image/png');
    const deleted = await service.as(owner, 'DELETE', `/api/listings/hotels/${id}/photos/${up.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await service.as(owner, 'GET', `/api/listings/hotels/${id}`)).body.pendingChange).toBeNull();
    expect(existsSync(join(service.photosDir, fileOf(up.body.src)))).toBe(false);
  });

  test('When an admin uploads, then the photo is live at once; a new listing’s photos go live with its approval', async () => {
    const live = await givenAnOwnersHotel({ live: true });
    const byAdmin = await service.upload(
      live.admin,
      `/api/listings/hotels/${live.id}/photos`,
      await png(900, 600),
      'image/png',
    );
    expect(byAdmin.body.approved).toBe(true);
    expect((await travelerPhotos(live.id)).map((p) => p.id)).toEqual([byAdmin.body.id]);

    const fresh = await givenAnOwnersHotel();
    const up = await service.upload(
      fresh.owner,
      `/api/listings/hotels/${fresh.id}/photos`,
      await png(900, 600),
      'image/png',
    );
    await service.as(fresh.admin, 'POST', `/api/listings/hotels/${fresh.id}/decision`, { action: 'approve' });
    expect((await travelerPhotos(fresh.id)).map((p) => p.id)).toEqual([up.body.id]);
  });
});

describe('PUT /api/listings/:kind/:id/photos/order', () => {
  test('When the owner puts another photo first, then it is the cover travelers see', async () => {
    const { admin, id } = await givenAnOwnersHotel({ live: true });
    const path = `/api/listings/hotels/${id}/photos`;
    const a = await service.upload(admin, path, await png(900, 600), 'image/png');
    const b = await service.upload(admin, path, await png(900, 601), 'image/png');
    expect(await coverInSearch(id)).toMatchObject({ id: a.body.id });
    const res = await service.as(admin, 'PUT', `${path}/order`, { ids: [b.body.id, a.body.id] });
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([b.body.id, a.body.id]);
    expect(await coverInSearch(id)).toMatchObject({ id: b.body.id });
    expect((await travelerPhotos(id)).map((p) => p.id)).toEqual([b.body.id, a.body.id]);
  });

  test('When the order leaves a photo out or repeats one, then it is refused naming ids', async () => {
    const { owner, id } = await givenAnOwnersHotel();
    const path = `/api/listings/hotels/${id}/photos`;
    const a = await service.upload(owner, path, await png(900, 600), 'image/png');
    await service.upload(owner, path, await png(900, 600), 'image/png');
    for (const ids of [[a.body.id], [a.body.id, a.body.id], ['99999999']]) {
      const res = await service.as(owner, 'PUT', `${path}/order`, { ids });
      expect(res).toMatchObject({ status: 400, body: { errors: [{ in: 'body', field: 'ids' }] } });
    }
  });
});

describe('GET /api/search/photos/:file', () => {
  test('When the name is not a photo file or no such photo exists, then 400 or 404, never a file outside the folder', async () => {
    expect((await fetch(`${service.url}/api/search/photos/..%2F..%2Fetc%2Fpasswd`)).status).toBe(400);
    expect((await fetch(`${service.url}/api/search/photos/0123456789abcdef-large.webp`)).status).toBe(404);
  });
});

describe('demo photos', () => {
  test('When the demo is seeded, then every hotel, room type and car has generated photos, drawn once, and a second start adds none', async () => {
    const { id, rooms } = await givenAnOwnersHotel({ live: true });
    const store = createPhotoStore(mkdtempSync(join(tmpdir(), 'tripwise-demo-photos-')));
    await seedDemoPhotos(service.db, store, captureLogs('search').logger);
    const details = (await service.get(`/api/search/hotels/${id}`)).body;
    expect(details.photos).toHaveLength(3);
    expect(details.photos[0].src).toMatch(/^\/api\/search\/photos\/demo-exterior-\d-large\.webp$/);
    expect(details.rooms.map((r: { photos: unknown[] }) => r.photos.length)).toEqual(rooms.map(() => 1));
    const drawn = readdirSync(store.dir).filter((f) => f.endsWith('.webp'));
    expect(drawn).toHaveLength(2 * (6 + 4 + 6));
    const { rows } = await service.db.query<{ n: number }>('SELECT count(*)::int AS n FROM listing_photos');
    await seedDemoPhotos(service.db, store, captureLogs('search').logger);
    const again = await service.db.query<{ n: number }>('SELECT count(*)::int AS n FROM listing_photos');
    expect(again.rows[0]!.n).toBe(rows[0]!.n);
  }, 180_000); // drawing sixteen pictures takes a while on a busy machine
});
