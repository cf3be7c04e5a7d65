import { describe, expect, test } from 'vitest';
import { PATIENTLY } from './booking-helpers.ts';
import { closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';
import { februaryOrSoonest } from './flight-helpers.ts';

closeBrowsersAfterEach();

describe('Explore', () => {
  test('When a traveler explores warm places from Seattle in February, then warm destinations are listed and pinned on the map with their prices, and one opens its flights', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    // No tile is fetched: the map's tile requests are answered here with nothing.
    const tiles: string[] = [];
    await page.route(/tile\.openstreetmap\.org/, (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 204 });
    });
    // Flights are on sale about two months ahead: February while it is within reach (from December), else the
    // soonest month (said in the test's screenshots' names).
    const { month, february } = februaryOrSoonest(3);

    await page.goto('/');
    await page.getByRole('link', { name: 'Explore destinations' }).click();
    await page.getByRole('heading', { name: 'Explore: where can you go?' }).waitFor();
    const from = page.getByRole('combobox', { name: 'From' });
    await from.fill('Seattle');
    await page
      .getByRole('option', { name: /\(SEA\)/ })
      .first()
      .waitFor();
    await page
      .getByRole('option', { name: /\(SEA\)/ })
      .first()
      .click();
    await page.getByLabel('When').selectOption(month);
    await page.getByLabel('Trip length').selectOption('3');
    await page.getByRole('radio', { name: 'Warm' }).check();
    await page.getByRole('button', { name: 'Explore' }).click();

    await expect.poll(() => new URL(page.url()).searchParams.get('theme'), PATIENTLY).toBe('warm');
    expect(new URL(page.url()).searchParams.get('origin')).toBe('SEA');
    expect(new URL(page.url()).searchParams.get('month')).toBe(month);
    const items = page.getByTestId('explore-destination');
    await items.first().waitFor({ timeout: 30_000 });
    expect(await page.title()).toBe('Explore warm from SEA – Tripwise');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    const highs = (await page.getByTestId('explore-high').allInnerTexts()).map((t) =>
      Number(/(-?\d+) °C/.exec(t)?.[1]),
    );
    expect(highs).toHaveLength(count);
    expect(highs.every((c) => c >= 24)).toBe(true);
    const prices = await page.getByTestId('explore-price').allInnerTexts();
    expect(prices.every((p) => /^\$[\d,]+$/.test(p))).toBe(true);
    for (const item of await items.all()) expect(await item.locator('.badge', { hasText: 'Warm' }).count()).toBe(1);

    // The map (its own chunk, loaded with the results) pins each destination with its price.
    const pins = page.getByTestId('map-pin');
    await expect.poll(() => pins.count(), PATIENTLY).toBe(count);
    const pinPrices = (await pins.allInnerTexts()).sort();
    expect(pinPrices).toEqual([...prices].sort());
    expect(tiles.length).toBeGreaterThan(0);
    // Leaflet runs under the strict CSP: nothing refused (no inline style or script).
    expect(refused).toEqual([]);
    await open.shot(february ? 'warm from seattle in february' : `warm from seattle in ${month}`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A pin opens by keyboard, and its popup leads to the same search as the list.
    const firstCity = await items.first().getByTestId('explore-city').innerText();
    const pin = page.getByRole('button', {
      name: new RegExp(`^${firstCity.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
    });
    await pin.focus();
    await page.keyboard.press('Enter');
    await page.locator('.pin-popup').getByRole('link', { name: 'See flights' }).waitFor();
    const fromMap = await page.locator('.pin-popup a').getAttribute('href');
    const fromList = await items
      .first()
      .getByRole('link', { name: /^See flights/ })
      .getAttribute('href');
    expect(fromMap).toBe(fromList);

    await items
      .first()
      .getByRole('link', { name: /^See flights/ })
      .click();
    await expect.poll(() => new URL(page.url()).pathname, PATIENTLY).toBe('/flights');
    const search = new URL(page.url()).searchParams;
    expect(search.get('origin')).toBe('SEA');
    expect(search.get('returnDate')).toBeTruthy();
    await page.getByTestId('flight-result').first().waitFor();
    await open.shot('its flights');
  });
});
