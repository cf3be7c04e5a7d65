import { describe, expect, test } from 'vitest';
import { PATIENTLY, isoDaysFromNow } from './booking-helpers.ts';
import { baseUrl, closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';

closeBrowsersAfterEach();

// The first hotel search of a freshly started stack may be this file's (cold caches, a busy machine).
const FIRST_SEARCH = { timeout: 60_000 } as const;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stay = () => `city=DEN&checkIn=${isoDaysFromNow(30)}&checkOut=${isoDaysFromNow(33)}&guests=2&rooms=1`;

describe('the map of hotel results', () => {
  test('When a traveler on a laptop opens hotel results, then each hotel is a price pin on a map drawn without tiles, and choosing one with the keyboard marks it in the list', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name, { width: 1366, height: 900 });
    const { page } = open;
    // Nothing may come from another origin: no tile server learns where the traveler looks.
    const elsewhere: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).origin !== new URL(baseUrl()).origin) elsewhere.push(req.url());
    });
    await page.goto(`/hotels?${stay()}`);
    const cards = page.getByTestId('hotel-result');
    await cards.first().waitFor(FIRST_SEARCH);
    const pins = page.getByTestId('map-pin');
    await expect.poll(() => pins.count(), PATIENTLY).toBe(await cards.count());
    // Every pin names its hotel and its price, as the card does.
    const firstName = await cards.first().getByRole('heading').innerText();
    const firstPrice = await cards.first().getByTestId('result-price').innerText();
    const firstPin = page.getByRole('button', {
      name: new RegExp(`^\\$[\\d,]+: ${escape(firstName)},.*${escape(firstPrice)}`),
    });
    expect(await firstPin.count()).toBe(1);
    // Pins stand where the hotels are: two hotels of different neighbourhoods are not drawn on one spot.
    const spots = new Set(
      await pins.evaluateAll((all) => all.map((p) => p.querySelector('.pin')?.getAttribute('transform'))),
    );
    expect(spots.size).toBeGreaterThan(1);
    await open.shot('map above the list');

    // The keyboard reaches a pin and selects its hotel: the card is marked, and the map names the hotel.
    await firstPin.focus();
    await page.keyboard.press('Enter');
    expect(await firstPin.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => cards.first().getAttribute('class'), PATIENTLY).toContain('selected');
    const chosen = page.getByTestId('map-selection');
    expect(await chosen.innerText()).toContain(firstName);
    // Pointing at another card marks its pin.
    const second = cards.nth(1);
    await second.hover();
    const secondId = (await second.getAttribute('id'))?.replace('hotel-', '');
    await expect
      .poll(() => page.locator(`[data-hotel="${secondId}"] .pin`).getAttribute('class'), PATIENTLY)
      .toContain('hovered');
    await open.shot('a pin chosen with the keyboard');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await chosen.getByRole('link', { name: 'See rooms' }).click();
    await page.waitForURL(/\/hotels\/\d+\?/);
    expect(elsewhere).toEqual([]);
  });

  test('When a traveler on a phone switches to the map, then the list gives way to it and a pin leads to its hotel', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    const { page } = open;
    await page.goto(`/hotels?${stay()}`);
    const cards = page.getByTestId('hotel-result');
    await cards.first().waitFor(FIRST_SEARCH);
    const map = page.getByTestId('hotel-map');
    expect(await map.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await map.waitFor();
    expect(await cards.first().isVisible()).toBe(false);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    const pin = page.getByTestId('map-pin').first();
    // "$74: The Fountain Lodge, Downtown: $73.92 a night, …"
    const name = /^[^:]+: ([^,]+),/.exec((await pin.getAttribute('aria-label'))!)![1]!;
    await pin.click();
    await open.shot('the map on a phone, a pin chosen');
    await page.getByTestId('map-selection').getByRole('link', { name: 'See rooms' }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await cards.first().waitFor();
  });
});
