import { describe, expect, test } from 'vitest';
import { isoDaysFromNow } from './booking-helpers.ts';
import { closeBrowsersAfterEach, openBrowser } from './browser.ts';

closeBrowsersAfterEach();

// What a walk through the traveler's pages on a phone found reading wrong, each checked where it was fixed.

const dollars = (text: string) => Number(/\$([\d,]+(?:\.\d\d)?)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

describe('traveler pages read right', () => {
  test('When a traveler on a phone opens hotel results and a hotel, then the city is named in words and the price history speaks of the price the room is shown at, taxes included', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    const { page } = open;
    const stay = `city=DEN&checkIn=${isoDaysFromNow(26)}&checkOut=${isoDaysFromNow(28)}&guests=2&rooms=1`;
    await page.goto(`/hotels?${stay}`);
    await page.getByTestId('hotel-result').first().waitFor();
    await page.getByRole('heading', { level: 1, name: /^Hotels in Denver, / }).waitFor();
    await page.getByTestId('hotel-result').first().getByRole('heading').getByRole('link').click();

    const history = page.getByRole('heading', { name: /: nightly price history$/ });
    await history.waitFor();
    const room = (await history.innerText()).replace(/: nightly price history$/, '');
    const shown = dollars(
      await page.locator('.choice').filter({ hasText: room }).first().locator('.price').innerText(),
    );
    const section = page.locator('.price-history');
    const sentence = await section.locator('p').first().innerText();
    // "Now $71, …" (or "$71 throughout"): the room's nightly price with taxes and fees, as the room list shows it.
    expect(Math.abs(dollars(sentence) - shown)).toBeLessThanOrEqual(1);
    expect(await section.innerText()).toContain('taxes and fees included');
    await open.shot('hotel details: the price history');
  });

  test('When a stranger opens the home page on a phone, then the header takes two rows and only the open tab reads as current', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    const { page } = open;
    await page.goto('/?tab=hotels');
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.getByRole('link', { name: 'Hotels' }).waitFor();
    expect(await main.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Hotels']);
    // The five sections on one row, under the brand and the account links.
    const tops = await main.getByRole('link').evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(120);
    await page.getByRole('tab', { name: 'Cars' }).click();
    await expect.poll(() => main.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Cars']);
    await open.shot('home on a phone: the header');
  });
});
