import { describe, expect, test } from 'vitest';
import { PATIENTLY, findFlightDay, isoDaysFromNow } from './booking-helpers.ts';
import { openBrowser, seriousA11yViolations, closeBrowsersAfterEach } from './browser.ts';

closeBrowsersAfterEach();

describe('searching', () => {
  test('When a traveler picks places with the arrow keys, then the search is in the URL and remembered on the home page', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    const shot = (step: string) => open.shot(step);
    await page.goto('/?tab=flights');
    const from = page.getByRole('combobox', { name: 'From' });
    await from.fill('new yo');
    await page.getByRole('option', { name: /New York \(all airports\) \(NYC\)/ }).waitFor();
    await expect.poll(() => from.getAttribute('aria-expanded'), PATIENTLY).toBe('true');
    await from.press('ArrowDown');
    const active = await from.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await shot('type-ahead open');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await from.press('Enter');
    await expect.poll(() => from.inputValue(), PATIENTLY).toBe('New York (all airports) (NYC)');
    await expect.poll(() => from.getAttribute('aria-expanded'), PATIENTLY).toBe('false');

    const to = page.getByRole('combobox', { name: 'To' });
    await to.fill('LAX');
    await page
      .getByRole('option', { name: /\(LAX\)/ })
      .first()
      .waitFor();
    await to.press('Enter');
    await page.getByRole('button', { name: 'Search flights' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('origin'), PATIENTLY).toBe('NYC');
    expect(new URL(page.url()).searchParams.get('destination')).toBe('LAX');
    await page.getByRole('status').filter({ hasText: /found/ }).waitFor();

    await page.goto('/');
    await page.getByRole('heading', { name: 'Recent searches' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /^NYC → LAX/ }).count(), PATIENTLY).toBe(1);
    await shot('recent searches');
  });

  test('When there are more hotels than a page, then "Show more" adds the next page from the cursor', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    const [checkIn, checkOut] = [isoDaysFromNow(40), isoDaysFromNow(42)];
    await page.goto(`/hotels?city=DEN&checkIn=${checkIn}&checkOut=${checkOut}&guests=2&rooms=1`);
    await page.getByTestId('hotel-result').first().waitFor();
    const total = Number(/(\d+) hotels found/.exec(await page.locator('#results-count').innerText())?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(await page.getByTestId('hotel-result').count()).toBe(20);
    await page.getByRole('button', { name: 'Show more hotels' }).click();
    await expect.poll(() => page.getByTestId('hotel-result').count(), PATIENTLY).toBe(Math.min(total, 40));
    await open.shot('second page');
  });

  test('When no hotel matches the filters, then the page says what to change and clearing them brings results back', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    const [checkIn, checkOut] = [isoDaysFromNow(40), isoDaysFromNow(42)];
    await page.goto(`/hotels?city=DEN&checkIn=${checkIn}&checkOut=${checkOut}&guests=2&rooms=1&maxPrice=100`);
    await page.getByRole('heading', { name: 'No hotels match' }).waitFor();
    await open.shot('empty state');
    await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
    await page.getByTestId('hotel-result').first().waitFor();
    expect(new URL(page.url()).searchParams.get('maxPrice')).toBeNull();
  });

  test('When the search service fails, then the page offers "Try again" and trying again shows the cars', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    let failing = true;
    await page.route('**/api/search/cars?**', (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({ title: 'Service unavailable', status: 503 }),
          })
        : route.continue(),
    );
    await page.goto(`/cars?location=DEN&pickupDate=${isoDaysFromNow(20)}&dropoffDate=${isoDaysFromNow(22)}`);
    await page.getByRole('heading', { name: 'The search did not work' }).waitFor();
    await open.shot('error state');
    failing = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('car-result').first().waitFor();
  });

  test('When a traveler opens a flight, then its cabins, fare rules, price history and reviews are shown', async ({
    task,
  }) => {
    const trip = await findFlightDay();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await page.goto(`/flights?origin=${trip.origin}&destination=${trip.destination}&date=${trip.date}`);
    await page
      .getByTestId('flight-result')
      .first()
      .getByRole('link', { name: /details$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Cabins and fares' }).waitFor();
    await page.getByRole('heading', { name: 'Fare rules' }).waitFor();
    await page.getByRole('heading', { name: /price history$/ }).waitFor();
    await expect.poll(() => page.locator('.price-history p').first().innerText(), PATIENTLY).toMatch(/\$\d/);
    await page.getByRole('heading', { name: 'Reviews' }).waitFor();
    await expect.poll(() => page.locator('.reviews [aria-busy]').count(), PATIENTLY).toBe(0);
    await open.shot('flight details');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '← Back to results' }).click();
    await page.getByTestId('flight-result').first().waitFor();
  });
});
