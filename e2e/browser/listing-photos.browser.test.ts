import { describe, expect, test } from 'vitest';
import {
  call,
  createAdminWith2fa,
  createHotel,
  createOwner,
  isoDaysFromNow,
  passwordToken,
  signInOnPortal,
} from './admin-portal.ts';
import { closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';

const SETTLED = { timeout: 30_000 };
const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

closeBrowsersAfterEach();

interface Photo {
  id: string;
  roomTypeId: string | null;
  src: string;
  approved: boolean;
  card: { src: string };
}

describe('listing photos', () => {
  test('When an owner uploads photos of a live hotel and picks the cover, then they wait for review, and once approved travelers see the cover on results and the photos on the hotel’s page', async ({
    task,
  }) => {
    const owner = await createOwner();
    const admin = await createAdminWith2fa();
    const hotel = await createHotel(owner, unique('Photo Harbor Hotel'), admin.token);
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    // Two pictures to upload: screenshots of pages (PNG, well over the 320-pixel minimum).
    await page.goto('/admin/login');
    const first = await page.screenshot({ type: 'png' });
    await page.setViewportSize({ width: 900, height: 700 });
    const second = await page.screenshot({ type: 'jpeg' });

    await signInOnPortal(page, owner);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await page.goto(`/admin/listings/hotels/${hotel.id}`);
    const own = page.getByRole('region', { name: 'The hotel' });
    await own.getByText('No photos yet.').waitFor();
    await own.getByLabel(/^Add photos/).setInputFiles([
      { name: 'front.png', mimeType: 'image/png', buffer: first },
      { name: 'lobby.jpg', mimeType: 'image/jpeg', buffer: second },
    ]);
    await own.getByText(/^2 photos added; new photos of a live listing show once/).waitFor();
    await expect.poll(() => own.getByTestId('photo-tile').count(), SETTLED).toBe(2);
    expect(await own.getByText('Waiting for review').count()).toBe(2);
    // A room type's photos are its own.
    const suite = page.getByRole('region', { name: 'Room type: Harbor Suite' });
    await suite.getByLabel(/^Add photos/).setInputFiles([{ name: 'suite.png', mimeType: 'image/png', buffer: first }]);
    await expect.poll(() => suite.getByTestId('photo-tile').count(), SETTLED).toBe(1);
    // A file of another type is refused before anything is sent.
    await own
      .getByLabel(/^Add photos/)
      .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') }]);
    await own.getByText('notes.txt: not a JPEG, PNG or WebP.').waitFor();

    const token = await passwordToken(owner);
    const ownPhotos = async () =>
      (await call<{ items: Photo[] }>('GET', `/api/listings/hotels/${hotel.id}/photos`, { token })).body.items.filter(
        (p) => p.roomTypeId === null,
      );
    const before = await ownPhotos();
    expect(before.map((p) => p.approved)).toEqual([false, false]);
    await own.getByRole('button', { name: 'Make cover (photo 2)' }).click();
    await expect
      .poll(async () => (await ownPhotos()).map((p) => p.id), SETTLED)
      .toEqual([before[1]!.id, before[0]!.id]);
    const ordered = await ownPhotos();
    await open.shot('photos-waiting-for-review');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The change waits: the listing says so, and travelers see no photo yet.
    await page.getByText('A change is waiting for review').waitFor();
    const details = await call<{ photos: unknown[] }>('GET', `/api/search/hotels/${hotel.id}`);
    expect(details.body.photos).toEqual([]);

    const approved = await call('POST', `/api/listings/hotels/${hotel.id}/decision`, {
      token: admin.token!,
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);

    const checkIn = isoDaysFromNow(20);
    const checkOut = isoDaysFromNow(22);
    await page.goto(`/hotels?city=BOS&checkIn=${checkIn}&checkOut=${checkOut}&guests=2&rooms=1`);
    const result = page.getByTestId('hotel-result').filter({ hasText: hotel.name });
    // Other tests' hotels share this one's city and price, and the demo's Boston has many: page on until it shows.
    const more = page.getByRole('button', { name: 'Show more hotels' });
    await expect
      .poll(
        async () => {
          if ((await result.count()) > 0) return true;
          if ((await more.count()) > 0 && (await more.isEnabled())) await more.click();
          return false;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    await result.waitFor(SETTLED);
    const cover = result.getByRole('img', { name: `${hotel.name}: cover photo` });
    const coverPhoto = ordered[0]!;
    expect(await cover.getAttribute('src')).toBe(coverPhoto.card.src);
    expect(await cover.getAttribute('loading')).toBe('lazy');
    expect(await cover.getAttribute('width')).toBe('480');
    expect(await cover.getAttribute('height')).toBe('320');
    await cover.scrollIntoViewIfNeeded();
    await expect
      .poll(() => cover.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), SETTLED)
      .toBe(480);
    await open.shot('cover-on-results');

    await result.getByRole('link', { name: hotel.name, exact: true }).click();
    const gallery = page.getByRole('region', { name: `Photos of ${hotel.name}` });
    await gallery.waitFor(SETTLED);
    const main = gallery.getByRole('img', { name: `${hotel.name}: photo 1 of 2` });
    expect(await main.getAttribute('src')).toBe(coverPhoto.src);
    await gallery.getByRole('button', { name: 'Show photo 2 of 2' }).click();
    await gallery.getByRole('img', { name: `${hotel.name}: photo 2 of 2` }).waitFor();
    await page.getByRole('list', { name: 'Photos of the Harbor Suite' }).waitFor();
    await open.shot('photos-on-the-hotel-page');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('When a traveler searches the demo’s hotels, then every result shows a cover photo that loads', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await page.goto(`/hotels?city=DEN&checkIn=${isoDaysFromNow(14)}&checkOut=${isoDaysFromNow(16)}&guests=2&rooms=1`);
    const results = page.getByTestId('hotel-result');
    await results.first().waitFor(SETTLED);
    const count = await results.count();
    expect(count).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="hotel-result"] img.result-photo').count()).toBe(count);
    const firstCover = results.first().locator('img.result-photo');
    await expect
      .poll(() => firstCover.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), SETTLED)
      .toBe(480);
  });
});
