import { describe, expect, test } from 'vitest';
import { PATIENTLY, isoDaysFromNow } from './booking-helpers.ts';
import { closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';
import { findRoundTrip } from './flight-helpers.ts';

closeBrowsersAfterEach();

const dollars = (text: string) => Number(/\$([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
const withCents = (text: string) => Number(/\$([\d,]+\.\d\d)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('flexible dates', () => {
  test('When a traveler on a phone opens the date grid from the results, then their dates are marked and a cell opens the search for its dates at its price', async ({
    task,
  }) => {
    const trip = await findRoundTrip();
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    const { page } = open;
    await page.goto(
      `/flights?origin=${trip.origin}&destination=${trip.destination}&date=${trip.date}&returnDate=${trip.returnDate}`,
    );
    await page.getByTestId('flight-result').first().waitFor();
    await page.getByRole('link', { name: /^Date grid/ }).click();
    await page.getByRole('heading', { name: `Prices by date: ${trip.origin} → ${trip.destination}` }).waitFor();
    expect(await page.title()).toBe(`Prices by date ${trip.origin} → ${trip.destination} – Tripwise`);
    const cells = page.getByTestId('grid-cell');
    await cells.first().waitFor();
    expect(await cells.count()).toBeGreaterThan(30);
    const chosen = page.locator('[data-testid="grid-cell"][aria-current="true"]');
    expect(await chosen.getAttribute('href')).toContain(`date=${trip.date}&returnDate=${trip.returnDate}`);
    // The grid scrolls inside its own region; the page itself does not scroll sideways on a phone.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await open.shot('date grid on a phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Another pair, one day later each way, opened with the keyboard.
    const [date, returnDate] = [plusDays(trip.date, 1), plusDays(trip.returnDate, 1)];
    const other = page.locator(`[data-testid="grid-cell"][href*="date=${date}&returnDate=${returnDate}"]`);
    const price = withCents(await other.innerText());
    await other.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('date'), PATIENTLY).toBe(date);
    expect(new URL(page.url()).searchParams.get('returnDate')).toBe(returnDate);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('price');
    const first = page.getByTestId('flight-result').first();
    await first.waitFor();
    // Cheapest first: the top departing flight's round trip is the cell's, and the cell already shows it as results do,
    // taxes and fees included (each flight is taxed on its own: a cent of rounding apart at most per flight).
    const paid = withCents(await first.locator('.price').innerText());
    expect(Math.abs(paid - price)).toBeLessThanOrEqual(0.04);
    await open.shot('the search the cell opened');
  });

  test('When a traveler asks the search form for flexible one-way dates, then the month calendar shows each day’s cheapest fare and a day opens its flights', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    const date = isoDaysFromNow(15);
    await page.goto('/');
    await page.getByRole('radio', { name: 'One way' }).check();
    for (const [label, code] of [
      ['From', 'BOS'],
      ['To', 'DEN'],
    ] as const) {
      await page.getByRole('combobox', { name: label }).fill(code);
      await page
        .getByRole('option', { name: new RegExp(`\\(${code}\\)`) })
        .first()
        .waitFor();
      await page.getByRole('combobox', { name: label }).press('Enter');
    }
    await page.getByLabel('Depart').fill(date);
    await page.getByRole('button', { name: 'Flexible dates: price calendar' }).click();
    await page.getByRole('heading', { name: 'Price calendar: BOS → DEN' }).waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe(date.slice(0, 7));
    const days = page.getByTestId('calendar-day');
    await days.first().waitFor();
    const cheapest = page.locator('.calendar-cheapest [data-testid="calendar-day"]');
    expect(await cheapest.count()).toBe(1);
    const prices = (await days.allInnerTexts()).map(dollars);
    expect(Math.min(...prices)).toBe(dollars(await cheapest.innerText()));
    await open.shot('price calendar');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const price = dollars(await cheapest.innerText());
    await cheapest.click();
    await expect.poll(() => new URL(page.url()).pathname, PATIENTLY).toBe('/flights');
    expect(new URL(page.url()).searchParams.get('returnDate')).toBeNull();
    const first = page.getByTestId('flight-result').first();
    await first.waitFor();
    expect(dollars(await first.locator('.price').innerText())).toBe(price);
    await open.shot('the day opened');
  });
});
