import { describe, expect, test } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { accessTokenOf, apiGet, aTripTheInventoryHas, say } from './ai-trip.ts';
import { bookingsOf, fillPayment, PATIENTLY } from './booking-helpers.ts';
import {
  createVerifiedTraveler,
  openBrowser,
  seriousA11yViolations,
  signInThroughApi,
  closeBrowsersAfterEach,
} from './browser.ts';

closeBrowsersAfterEach();

interface Leg {
  departLocal: string;
  arriveLocal: string;
}
interface Bundle {
  id: string;
  label: string;
  flight: Leg | { outbound: Leg; return: Leg };
  hotel: { name: string };
}
interface JobEvents {
  status: string;
  events: { event: string; payload: { seq: number; percent?: number; message?: string } }[];
}

const clock = (local: string) => {
  const hours = Number(local.slice(11, 13));
  return `${hours % 12 === 0 ? 12 : hours % 12}:${local.slice(14, 16)} ${hours < 12 ? 'AM' : 'PM'}`;
};
const sessionIn = (url: string) => new URL(url).searchParams.get('session');

describe('AI Mode', () => {
  test('When a traveler asks for a trip, then stages and bundles show; a refinement marks what changed; a policy question is answered; the conversation survives a reload; a bundle is watched, booked with a test card, and listed in My trips', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Amelia' });
    const trip = await aTripTheInventoryHas();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/ai');
    await say(page, trip.message);

    const first = page.getByTestId('agent-message').first();
    await expect.poll(() => first.getByTestId('bundle').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const sessionId = sessionIn(page.url());
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const token = await accessTokenOf(user);
    const history = await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionId!}`);
    const best = history.bundles[0]!;
    const bestCard = first.getByTestId('bundle').first();
    const cardText = await bestCard.innerText();
    expect(cardText).toMatch(/^Best fit/);
    expect(cardText).toMatch(/Fit score \d+\/100/);
    expect(cardText).toMatch(/\$[\d,]+ total for 2 travelers/);
    expect(cardText).toContain('Why this:');
    expect(cardText).toContain('What to watch:');
    expect(cardText).toContain(best.hotel.name);
    expect(cardText).toMatch(/Car\n/);
    // Flight times are the airports' own clocks, whatever the browser's time zone.
    const outbound = 'outbound' in best.flight ? best.flight.outbound : best.flight;
    expect(cardText).toContain(`${clock(outbound.departLocal)} – ${clock(outbound.arriveLocal)}`);
    const steps = await first.getByTestId('plan-steps').locator('li').allTextContents();
    expect(steps.at(-1)).toMatch(/^100% — /);
    expect(steps.map((s) => Number(/^(\d+)%/.exec(s)?.[1]))).toEqual(
      steps.map((s) => Number(/^(\d+)%/.exec(s)?.[1])).sort((a, b) => a - b),
    );
    await open.shot('bundles');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await say(page, 'make it 3 people');
    const refined = page.getByTestId('agent-message').nth(1);
    await expect.poll(() => refined.getByTestId('bundle').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    expect(await refined.locator('p').first().innerText()).toMatch(/^Updated: \+\$[\d,]+/);
    expect(await refined.locator('.changed').count()).toBeGreaterThanOrEqual(2); // the diff, and the new total
    expect(await refined.getByTestId('bundle').first().innerText()).toMatch(/total for 3 travelers/);
    await open.shot('refined');

    await say(page, 'can I cancel?');
    const answer = page.getByTestId('agent-message').nth(2);
    await expect.poll(() => answer.innerText(), { timeout: 60_000 }).toMatch(/cancel/i);
    const refinedBest = (await apiGet<{ bundles: Bundle[] }>(token, `/api/ai/sessions/${sessionId!}`)).bundles[0]!;
    expect(await answer.innerText()).toContain(refinedBest.hotel.name);

    await page.reload();
    await expect.poll(() => page.getByTestId('agent-message').count(), { timeout: 30_000 }).toBe(3);
    const said = await page.getByTestId('traveler-message').locator('p').allInnerTexts();
    expect(said).toEqual([trip.message, 'make it 3 people', 'can I cancel?']);
    const card = page.getByTestId('agent-message').nth(1).getByTestId('bundle').first();
    await card.getByRole('button', { name: 'Watch this price' }).click();
    await expect
      .poll(() => card.getByRole('status').innerText(), { timeout: 30_000 })
      .toMatch(/^Watching: .* drops below \$[\d,]+\.$/);
    const watches = await apiGet<{ items: { target: { bundleId?: string } }[] }>(token, '/api/ai/watches');
    expect(watches.items.map((w) => w.target.bundleId)).toEqual([refinedBest.id]);
    await open.shot('watching');

    await card.getByRole('link', { name: /^Book/ }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(`/checkout?bundle=${refinedBest.id}`);
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await expect.poll(() => page.getByTestId('checkout-total').innerText(), PATIENTLY).toMatch(/^\$[\d,]+/);
    const travelers = ['Amelia', 'Bo', 'Cy'];
    for (const [i, firstName] of travelers.entries()) {
      const passenger = page.getByRole('group', { name: `Passenger ${i + 1}` });
      await passenger.getByLabel('First name').fill(firstName);
      await passenger.getByLabel('Last name').fill('Earhart');
      await passenger.getByLabel('Date of birth').fill(`19${80 + i}-07-24`);
    }
    const driver = page.getByRole('group', { name: 'Driver' });
    await driver.getByLabel('First name').fill('Amelia');
    await driver.getByLabel('Last name').fill('Earhart');
    await driver.getByLabel('Date of birth').fill('1980-07-24');
    await driver.getByLabel("Driver's licence number").fill('D1234567');
    await fillPayment(page);
    await open.shot('checkout');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor({ timeout: 60_000 });
    const reference = await page.getByTestId('booking-reference').innerText();
    await open.shot('booked');
    await page.getByRole('link', { name: 'All my trips' }).click();
    await page.getByRole('heading', { name: 'My trips' }).waitFor();
    await page.getByTestId('trip').filter({ hasText: reference }).waitFor({ timeout: 60_000 });
    expect(await bookingsOf(user)).toMatchObject([{ status: 'confirmed' }]);
    await open.shot('in-my-trips');
  });

  test('When the agent needs to know more, then its question is shown as its message', async ({ task }) => {
    const user = await createVerifiedTraveler();
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    await signInThroughApi(open.context, user);
    await open.page.goto('/ai');
    await say(open.page, 'I need a flight to Denver');
    const question = open.page.getByTestId('agent-message').first();
    await expect.poll(() => question.innerText(), { timeout: 60_000 }).toMatch(/\?$/m);
    expect(await question.innerText()).toMatch(/from\?/);
    await open.shot('question-on-a-phone');
  });

  test('When the connection drops mid-plan, then the banner shows, and on reconnection every step arrives once, in order, and the result shows', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler();
    const trip = await aTripTheInventoryHas();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    // The agent's socket runs through this route: it lets the first plan event through, swallows the rest (the
    // server goes on without the page), cuts the connection once the plan has finished, and refuses
    // reconnections until the test lets them through.
    let phase: 'normal' | 'cutting' | 'refusing' = 'normal';
    let swallowed = 0;
    const live: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (phase === 'refusing') {
        void ws.close();
        return;
      }
      const server = ws.connectToServer();
      live.push(ws);
      let planEvents = 0;
      server.onMessage((frame) => {
        const isPlanEvent = typeof frame === 'string' && frame.includes('"plan:');
        if (phase !== 'cutting' || !isPlanEvent || ++planEvents === 1) {
          ws.send(frame);
          return;
        }
        swallowed += 1;
        if (typeof frame === 'string' && frame.includes('"plan:result"')) {
          phase = 'refusing';
          void server.close();
          void ws.close();
        }
      });
    });
    // The page also catches up over HTTP when its socket is down; hold those requests until the connection is back,
    // so that what shows during the cut is only what the socket let through.
    await page.route(/\/api\/ai\/jobs\//, async (route) => {
      while (phase !== 'normal') await new Promise((resolve) => setTimeout(resolve, 100));
      await route.continue();
    });
    await signInThroughApi(open.context, user);
    await page.goto('/ai');
    await expect.poll(() => live.length).toBe(1);
    phase = 'cutting';
    await say(page, trip.message);

    await expect.poll(() => page.getByTestId('reconnecting').isVisible(), { timeout: 60_000 }).toBe(true);
    const progress = page.getByRole('progressbar', { name: 'Planning progress' });
    // Only part of the plan shows: the one event let through (or, on a loaded machine, a reconnection before the cut).
    expect(Number(await progress.getAttribute('value'))).toBeLessThan(100);
    expect(await page.getByTestId('plan-progress').locator('li.active').count()).toBe(1);
    expect(await page.getByTestId('bundle').count()).toBe(0);
    expect(swallowed).toBeGreaterThan(3);
    await open.shot('reconnecting-mid-plan');

    phase = 'normal';
    const answer = page.getByTestId('agent-message').first();
    await expect.poll(() => answer.getByTestId('bundle').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    // The HTTP catch-up may finish the plan before the socket's next reconnection attempt; the banner goes with it.
    await expect.poll(() => page.getByTestId('reconnecting').count(), { timeout: 30_000 }).toBe(0);
    const jobId = new URL(page.url()).searchParams.get('job');
    expect(jobId).toBeNull(); // done: the address keeps only the conversation
    const sessionId = sessionIn(page.url());
    const token = await accessTokenOf(user);
    const history = await apiGet<{ messages: { jobId?: string }[] }>(token, `/api/ai/sessions/${sessionId!}`);
    const job = await apiGet<JobEvents>(token, `/api/ai/jobs/${history.messages[1]!.jobId!}`);
    const expected = job.events
      .filter((e) => e.event === 'plan:progress')
      .map((e) => `${e.payload.percent!}% — ${e.payload.message!}`);
    expect(await answer.getByTestId('plan-steps').locator('li').allTextContents()).toEqual(expected);
    await open.shot('resumed-with-nothing-missed');
  });
});
