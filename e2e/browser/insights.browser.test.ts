import { describe, expect, test } from 'vitest';
import { call, createHotel, createOwner, demoAdminToken, isoDaysFromNow, passwordToken } from './admin-portal.ts';
import { fillPayment, PATIENTLY } from './booking-helpers.ts';
import { closeBrowsersAfterEach, openAsTraveler } from './browser.ts';

closeBrowsersAfterEach();

const REPORT_WAIT = { timeout: 60_000, interval: 1_000 } as const;

describe('insights: what a traveler looked at, for the owner and the admin', () => {
  test("When a traveler from San Jose browses results, opens two listings, scrolls one halfway and books, then the owner's report shows the views, clicks and booking with the unseen section least seen, and the admin's trace of San Jose shows the path", async ({
    task,
  }) => {
    const admin = await demoAdminToken();
    const owner = await createOwner('Hana');
    const stamp = Date.now().toString(36);
    const first = await createHotel(owner, `Insight Harbor ${stamp}`, admin);
    const second = await createHotel(owner, `Insight Pier ${stamp}`, admin);
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name, {
      viewport: { width: 1280, height: 720 },
    });
    const traveler = await passwordToken(user);
    const moved = await call('PATCH', '/api/auth/me', { token: traveler, body: { city: 'San Jose', state: 'CA' } });
    expect(moved.status).toBe(200);
    const from = isoDaysFromNow(0);
    const to = isoDaysFromNow(1);
    const stay = `checkIn=${isoDaysFromNow(20)}&checkOut=${isoDaysFromNow(22)}&guests=2&rooms=1`;

    await page.goto(`/hotels?city=BOS&${stay}`);
    await page.getByTestId('hotel-result').first().waitFor();
    await shot('results');
    await page.goto(`/hotels/${second.id}?${stay}`);
    await page.getByRole('heading', { name: second.name }).waitFor();
    await page.goto(`/hotels/${first.id}?${stay}`);
    await page.getByRole('heading', { name: first.name }).waitFor();
    // Halfway down, and long enough on screen to be counted; the reviews at the bottom stay out of sight.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight / 4)');
    await page.waitForTimeout(1_500);
    await shot('details, scrolled');
    await page.getByRole('link', { name: /^Book the Queen Room/ }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await fillPayment(page);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor(PATIENTLY);
    await shot('booked');
    // Leaving the page sends what is still queued (pagehide → sendBeacon).
    await page.goto('/trips');

    const ownerToken = await passwordToken(owner);
    await expect
      .poll(async () => {
        const report = await call<{ totals: { views: number; clicks: number; bookings: number } }>(
          'GET',
          `/api/insights/listings/hotel/${first.id}?from=${from}&to=${to}`,
          { token: ownerToken },
        );
        return report.body.totals;
      }, REPORT_WAIT)
      .toMatchObject({ views: 1, clicks: 1, bookings: 1 });
    const report = await call<{ sections: { section: string; seen: number }[] }>(
      'GET',
      `/api/insights/listings/hotel/${first.id}?from=${from}&to=${to}`,
      { token: ownerToken },
    );
    // Least seen first: sections never on screen lead, and the reviews at the bottom are one of them.
    expect(report.body.sections[0]?.seen).toBe(0);
    expect(report.body.sections.filter((s) => s.seen === 0).map((s) => s.section)).toContain('reviews');
    expect(report.body.sections.find((s) => s.section === 'rooms')?.seen).toBe(1);
    const elsewhere = await call('GET', `/api/insights/listings/hotel/${first.id}`, { token: traveler });
    expect(elsewhere.status).toBe(403);

    await expect
      .poll(async () => {
        const trace = await call<{ links: { from: string; to: string }[] }>(
          'GET',
          `/api/insights/admin/traces?city=San%20Jose&state=CA&from=${from}&to=${to}`,
          { token: admin },
        );
        return trace.body.links?.map((l) => `${l.from} → ${l.to}`) ?? [];
      }, REPORT_WAIT)
      .toEqual(expect.arrayContaining(['/hotels → /hotels/:id', '/hotels/:id → /checkout']));
  });
});
