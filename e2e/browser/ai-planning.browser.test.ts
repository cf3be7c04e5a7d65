import { describe, expect, test } from 'vitest';
import { accessTokenOf, apiGet, aTripTheInventoryHas, say } from './ai-trip.ts';
import { closeBrowsersAfterEach, createVerifiedTraveler, openBrowser, signInThroughApi } from './browser.ts';
import { februaryOrSoonest } from './flight-helpers.ts';

closeBrowsersAfterEach();

interface Leg {
  departLocal: string;
}
interface Bundle {
  id: string;
  flight: Leg | { outbound: Leg; return: Leg } | null;
  relaxes?: { kind: string; text: string }[];
  destination?: { city: string; themes: string[] } | null;
}
const outboundOf = (flight: NonNullable<Bundle['flight']>) => ('outbound' in flight ? flight.outbound : flight);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const sessionIn = (url: string) => new URL(url).searchParams.get('session');
const LONG = { timeout: 60_000 };

describe('AI Mode planning', () => {
  test('When the traveler asks to leave a day later, then the new pick leaves the next day and the change is marked', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Ada' });
    const trip = await aTripTheInventoryHas();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/ai');
    await say(page, trip.message);
    const first = page.getByTestId('agent-message').first();
    await expect.poll(() => first.getByTestId('bundle').count(), LONG).toBeGreaterThanOrEqual(1);
    const token = await accessTokenOf(user);
    const sessionId = sessionIn(page.url())!;
    const before = (await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionId}`)).bundles[0]!;

    await say(page, 'leave a day later');
    const refined = page.getByTestId('agent-message').nth(1);
    await expect.poll(() => refined.getByTestId('bundle').count(), LONG).toBeGreaterThanOrEqual(1);
    const after = (await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionId}`)).bundles[0]!;
    const departed = outboundOf(before.flight!).departLocal.slice(0, 10);
    expect(outboundOf(after.flight!).departLocal.slice(0, 10)).toBe(dayAfter(departed));
    const said = await refined.locator('p').first().innerText();
    expect(said).toMatch(/^Updated: .*leaves \w{3}, \w{3} \d+ \(a day later\)/);
    expect(said).not.toMatch(/earlier/);
    expect(await refined.locator('.changed').count()).toBeGreaterThanOrEqual(2);
    await open.shot('a-day-later');
  });

  test('When the traveler asks for somewhere warm from Seattle in February, then destinations come back with their bundles', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Grace' });
    const { month } = februaryOrSoonest(3);
    const monthName = new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/ai');
    await say(page, `Somewhere warm from Seattle in ${monthName} for 3 nights`);
    const answer = page.getByTestId('agent-message').first();
    await expect.poll(() => answer.getByTestId('bundle').count(), LONG).toBeGreaterThanOrEqual(2);
    expect(await answer.locator('p').first().innerText()).toMatch(
      /^Here are \d destinations, each with its best trip: /,
    );
    const token = await accessTokenOf(user);
    const { bundles } = await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionIn(page.url())!}`);
    expect(new Set(bundles.map((b) => b.destination?.city)).size).toBe(bundles.length);
    for (const [i, b] of bundles.entries()) {
      expect(b.destination?.themes).toContain('warm');
      expect(outboundOf(b.flight!).departLocal.slice(0, 7)).toBe(month);
      const card = answer.getByTestId('bundle').nth(i);
      expect(await card.getByRole('heading', { level: 3 }).innerText()).toContain(b.destination!.city);
    }
    await open.shot('somewhere-warm');
  });

  test('When the headline request is asked, then bundles or alternatives marked with what they change come back', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Katherine' });
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/ai');
    await say(page, 'Boston to Denver next Friday, back Sunday, under $900, nonstop, 4-star hotel with a pool');
    const answer = page.getByTestId('agent-message').first();
    await expect.poll(() => answer.getByTestId('bundle').count(), LONG).toBeGreaterThanOrEqual(1);
    const token = await accessTokenOf(user);
    const { bundles } = await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionIn(page.url())!}`);
    const cards = answer.getByTestId('bundle');
    for (const [i, b] of bundles.entries()) {
      const marked = cards.nth(i).getByTestId('relaxes');
      if ((b.relaxes ?? []).length === 0) {
        expect(await marked.count()).toBe(0);
      } else {
        expect(await cards.nth(i).getByRole('heading', { level: 3 }).innerText()).toBe('Alternative');
        const text = await marked.innerText();
        for (const r of b.relaxes!) expect(text).toContain(r.text);
      }
    }
    if (bundles.some((b) => (b.relaxes ?? []).length > 0)) {
      expect(await answer.locator('p').first().innerText()).toMatch(/each marked with what it changes/);
    }
    await open.shot('headline');
  });
});
