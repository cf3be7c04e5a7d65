import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CARDS, PATIENTLY, fillPayment, findFlightDay, isoDaysFromNow } from './booking-helpers.ts';
import { baseUrl, closeBrowsersAfterEach, openAsTraveler, openBrowser } from './browser.ts';

closeBrowsersAfterEach();

// What a new traveler meets in the first ten minutes: a quiet signed-out tour, prices that stay the same from the
// results to the receipt, My trips without failed attempts, one part of a trip cancelled, a price alert.

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Console errors and uncaught exceptions, and every request the page made. */
function watchConsole(page: Page) {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  return { errors, requests };
}

const money = (text: string) => /\$[\d,]+\.\d{2}/.exec(text)?.[0];

describe('first contact', () => {
  test('When a stranger tours the site signed out, then every page has its own title and a favicon, and nothing logs an error', async ({
    task,
  }) => {
    const day = await findFlightDay();
    const [from, to] = [isoDaysFromNow(25), isoDaysFromNow(27)];
    const hotels = await getJson<{ items: { id: string }[] }>(
      `/api/search/hotels?city=DEN&checkIn=${from}&checkOut=${to}&guests=2&rooms=1&limit=1`,
    );
    const open = await openBrowser(import.meta.filename, task.name);
    const page = open.page;
    const seen = watchConsole(page);
    const tour = [
      ['/', /^Search flights, hotels and cars – Tripwise$/],
      [`/flights?origin=${day.origin}&destination=${day.destination}&date=${day.date}`, /^Flights .* – Tripwise$/],
      [`/hotels?city=DEN&checkIn=${from}&checkOut=${to}&guests=2&rooms=1`, /^Hotels in DEN – Tripwise$/],
      [`/hotels/${hotels.items[0]!.id}?checkIn=${from}&checkOut=${to}`, /^Hotel details – Tripwise$/],
      [`/cars?location=DEN&pickupDate=${from}&dropoffDate=${to}`, /^Rental cars at DEN – Tripwise$/],
      ['/explore', /^Explore destinations – Tripwise$/],
      ['/forgot-password', /^Forgot password – Tripwise$/],
      ['/register', /^Create an account – Tripwise$/],
      ['/trips', /^Sign in – Tripwise$/], // a page for travelers sends a stranger to sign in
    ] as const;
    const titles: string[] = [];
    for (const [path, title] of tour) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await expect.poll(() => page.title(), PATIENTLY).toMatch(title);
      titles.push(await page.title());
    }
    await open.shot('the last page of the tour');

    expect(new Set(titles).size).toBe(titles.length);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await fetch(new URL(icon!, baseUrl()))).status).toBe(200);
    // Nobody is signed in, so nothing asks to renew a session (that 401 was logged on every page).
    expect(seen.requests.filter((r) => r === 'POST /api/auth/refresh')).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test('When a traveler books a car after a declined card, then results, checkout and receipt show one total, and the declined attempt is not an upcoming trip', async ({
    task,
  }) => {
    const [pickupDate, dropoffDate] = [isoDaysFromNow(40), isoDaysFromNow(43)];
    const { page, shot } = await openAsTraveler(import.meta.filename, task.name);
    await page.goto(`/cars?location=DEN&pickupDate=${pickupDate}&dropoffDate=${dropoffDate}`);
    const card = page.getByTestId('car-result').first();
    await card.waitFor();
    await page.getByRole('button', { name: 'Whole rental' }).click();
    await expect.poll(async () => card.getByTestId('result-price').innerText(), PATIENTLY).toMatch(/^\$/);
    const atResults = money(await card.getByTestId('result-price').innerText());
    expect(await card.innerText()).toMatch(/for 3 days, taxes and fees included/);
    await shot('results with the whole rental’s price');

    await card.getByRole('link', { name: /^Book the / }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await expect.poll(() => page.getByTestId('checkout-total').innerText(), PATIENTLY).toMatch(/^\$/);
    const atCheckout = money(await page.getByTestId('checkout-total').innerText());
    await page.getByLabel('Date of birth').fill('1985-01-02');
    await page.getByLabel("Driver's licence number").fill('D1234567');
    await fillPayment(page, CARDS.declined);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await expect
      .poll(() => page.locator('.form-error').first().innerText(), PATIENTLY)
      .toMatch(/^Your card was declined[.:][^.]*\.? Nothing was booked or charged\. Try another card\.$/);
    expect(await page.locator('.form-error').first().innerText()).not.toMatch(/declined.*declined|\.\./i);
    await page.getByLabel('Card number').fill(CARDS.approved);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    const onReceipt = money(await page.getByTestId('total-charged').innerText());
    await shot('receipt');
    expect([atResults, atCheckout, onReceipt]).toEqual([atResults, atResults, atResults]);
    expect(atResults).toBeDefined();

    await page.goto('/trips');
    await page.getByTestId('trip').first().waitFor();
    expect(await page.getByTestId('trip').allInnerTexts()).toEqual([expect.stringContaining('Confirmed')]);
    await shot('upcoming: the booked trip only');
    await page.getByRole('button', { name: 'Not booked' }).click();
    const attempt = page.getByTestId('trip').filter({ hasText: 'Not booked' });
    await attempt.waitFor();
    expect(await page.getByTestId('trip').count()).toBe(1);
    await attempt.getByRole('link').click();
    await page.getByTestId('failure').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/booked (Mon|Tue|Wed|Thu|Fri|Sat|Sun)/);
    await shot('the declined attempt');
  });

  test('When a traveler cancels only the car of a stay and a car, then its own refund is shown first and the stay stays booked', async ({
    task,
  }) => {
    const [checkIn, checkOut] = [isoDaysFromNow(45), isoDaysFromNow(48)];
    const hotel = (
      await getJson<{ items: { id: string }[] }>(
        `/api/search/hotels?city=DEN&checkIn=${checkIn}&checkOut=${checkOut}&guests=2&rooms=1&limit=1`,
      )
    ).items[0]!;
    const rooms = await getJson<{ rooms: { id: string; capacity: number }[] }>(
      `/api/search/hotels/${hotel.id}?checkIn=${checkIn}&checkOut=${checkOut}`,
    );
    const room = rooms.rooms.find((r) => r.capacity >= 2)!;
    const car = (
      await getJson<{ items: { id: string }[] }>(
        `/api/search/cars?location=DEN&pickupDate=${checkIn}&dropoffDate=${checkOut}&limit=1`,
      )
    ).items[0]!;
    const { page, shot } = await openAsTraveler(import.meta.filename, task.name);
    const trip = new URLSearchParams({
      hotel: hotel.id,
      room: room.id,
      checkIn,
      checkOut,
      guests: '2',
      rooms: '1',
      car: car.id,
      pickupDate: checkIn,
      dropoffDate: checkOut,
    });
    await page.goto(`/checkout?${trip.toString()}`);
    await expect.poll(() => page.locator('.summary-lines li').count(), PATIENTLY).toBe(2);
    await page.getByLabel('Date of birth').fill('1985-01-02');
    await page.getByLabel("Driver's licence number").fill('D1234567');
    await fillPayment(page);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await page.getByRole('link', { name: 'All my trips' }).click();
    await page.getByTestId('trip').first().getByRole('link').click();

    const carItem = page.getByTestId('trip-item').nth(1);
    await carItem.getByRole('button', { name: 'Cancel only this' }).click();
    const preview = await carItem.getByTestId('item-refund-preview').innerText();
    expect(preview).toMatch(/^\$[\d,]+\.\d{2}$/);
    await shot('the car’s own refund, before cancelling');
    await carItem.getByRole('button', { name: 'Yes, cancel this car' }).click();
    await expect.poll(() => carItem.getByTestId('item-cancellation').innerText(), PATIENTLY).toContain(preview);
    expect(await carItem.getByTestId('item-cancellation').innerText()).toMatch(/^Cancelled/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/Confirmed$/);
    expect(await page.getByTestId('trip-item').first().getByTestId('item-cancellation').count()).toBe(0);
    await shot('the car cancelled, the stay kept');
  });

  test('When a traveler sets a price alert from flight results, then it is on the Price alerts page, where it can be changed and deleted', async ({
    task,
  }) => {
    const day = await findFlightDay();
    const { page, shot } = await openAsTraveler(import.meta.filename, task.name);
    await page.goto(`/flights?origin=${day.origin}&destination=${day.destination}&date=${day.date}`);
    await page.getByTestId('flight-result').first().waitFor();
    const alertForm = page.getByRole('form', { name: /^Price alert for/ });
    await alertForm.getByRole('spinbutton').fill('150');
    await alertForm.getByRole('button', { name: 'Set price alert' }).click();
    await page.getByTestId('price-alert-set').waitFor();
    expect(await page.getByTestId('price-alert-set').innerText()).toContain('below $150');
    await shot('alert set from the results');

    await page.getByRole('link', { name: 'Your price alerts' }).click();
    await page.getByRole('heading', { name: 'Price alerts', level: 1 }).waitFor();
    const watch = page.getByTestId('watch');
    await watch.first().waitFor();
    expect(await watch.innerText()).toContain(`Flights ${day.origin} → ${day.destination}`);
    expect(await watch.innerText()).toContain('below $150');
    await watch.getByRole('button', { name: /^Change/ }).click();
    await watch.getByLabel('Alert below (US$)').fill('120');
    await watch.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => watch.innerText(), PATIENTLY).toContain('below $120');
    await shot('alert changed');
    await watch.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => page.getByTestId('watch').count(), PATIENTLY).toBe(0);
    await page.getByText(/^No price alerts yet/).waitFor();
  });
});
