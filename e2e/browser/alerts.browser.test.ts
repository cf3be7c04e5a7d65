import { describe, expect, test } from 'vitest';
import { accessTokenOf, apiGet, aTripTheInventoryHas, say } from './ai-trip.ts';
import {
  createVerifiedTraveler,
  openBrowser,
  seriousA11yViolations,
  signInThroughApi,
  closeBrowsersAfterEach,
} from './browser.ts';
import { adminToken, setCarDailyPrice } from './marketplace-admin.ts';

closeBrowsersAfterEach();

interface Bundle {
  id: string;
  total: { amount: number };
  car: { id: string; dailyPrice: { amount: number }; totalPrice: { amount: number } } | null;
}

const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;

describe('price alerts', () => {
  test('When the marketplace cuts the price of a watched trip’s car while the traveler is on My trips, then the alert shows there', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Bessie' });
    // Seattle, not Denver: the car's price is cut for real, and other tests book cars in Denver.
    const trip = await aTripTheInventoryHas({ code: 'SEA', city: 'Seattle' });
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/ai');
    await say(page, trip.message);
    const answer = page.getByTestId('agent-message').last();
    await expect.poll(() => answer.innerText(), { timeout: 60_000 }).toMatch(/Best fit|Try again/);
    if ((await answer.getByTestId('bundle').count()) === 0) {
      // On a cold, busy stack the agent's calls to search can time out; it says so, and asking again is the way.
      await say(page, trip.message);
      await expect.poll(() => page.getByTestId('agent-message').count(), { timeout: 60_000 }).toBe(2);
    }
    const card = page.getByTestId('agent-message').last().getByTestId('bundle').first();
    await card.waitFor({ timeout: 60_000 });
    const sessionId = new URL(page.url()).searchParams.get('session');
    const token = await accessTokenOf(user);
    const best = (await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionId!}`)).bundles[0]!;
    expect(best.car).not.toBeNull();

    const car = best.car!;
    const days = car.totalPrice.amount / car.dailyPrice.amount;
    const cut = Math.ceil(car.dailyPrice.amount / 200); // about half its price, in whole dollars a day
    // The form suggests today's total; the alert is set halfway into the cut to come, so that the demo market's
    // small moves of the flight's or the hotel's price do not set it off first: only the cut does.
    expect(await card.getByLabel('Alert me below (US$)').inputValue()).toBe(String(best.total.amount / 100));
    const threshold = Math.round((best.total.amount - (cut * 100 * days) / 2) / 100) * 100;
    await card.getByLabel('Alert me below (US$)').fill(String(threshold / 100));
    await card.getByRole('button', { name: 'Watch this price' }).click();
    await expect
      .poll(() => card.getByRole('status').innerText(), { timeout: 30_000 })
      .toBe(`Watching: we will alert you, on any page, when this trip drops below ${dollars(threshold)}.`);
    await open.shot('watching');

    await page.getByRole('link', { name: 'My trips' }).click();
    await page.getByRole('heading', { name: 'My trips' }).waitFor();
    await setCarDailyPrice(await adminToken(), car.id, Math.round(car.dailyPrice.amount / 100) - cut);

    const alert = page.getByTestId('notification').filter({ hasText: 'Price alert' }).first();
    await alert.waitFor({ timeout: 60_000 });
    // The bundle's new total: the cut, give or take the market's small moves meanwhile.
    const announced = /Your trip bundle is now \$([\d,]+), below your \$([\d,]+)\./.exec(await alert.innerText());
    expect(announced?.[2]).toBe(dollars(threshold).slice(1));
    const now = Number(announced![1]!.replaceAll(',', '')) * 100;
    expect(Math.abs(now - (best.total.amount - cut * 100 * days))).toBeLessThan((cut * 100 * days) / 2);
    expect(new URL(page.url()).pathname).toBe('/trips');
    await open.shot('alert-on-my-trips');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
