import { describe, expect, test } from 'vitest';
import {
  createVerifiedTraveler,
  openBrowser,
  seriousA11yViolations,
  signInThroughApi,
  closeBrowsersAfterEach,
} from './browser.ts';

closeBrowsersAfterEach();

describe('the web client shell', () => {
  test('When the home page opens under the strict CSP, then nothing is refused and axe finds no serious violation', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const refused: string[] = [];
    open.page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await open.page.goto('/');
    await expect.poll(() => open.page.getByRole('link', { name: 'Tripwise' }).isVisible()).toBe(true);
    await open.shot('home');
    expect(refused.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    expect(await seriousA11yViolations(open.page)).toEqual([]);
  });

  test('When a signed-in traveler reloads, then the session comes back from the refresh cookie alone', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Grace' });
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    await signInThroughApi(open.context, user);
    await open.page.goto('/');
    await expect.poll(() => open.page.getByRole('link', { name: 'My trips' }).isVisible()).toBe(true);
    await open.page.reload();
    await expect.poll(() => open.page.getByRole('link', { name: 'Grace' }).isVisible()).toBe(true);
    await open.shot('signed-in-on-a-phone');
  });

  test('When an address leads nowhere, then the page says so and offers a way back', async ({ task }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    await open.page.goto('/no/such/page');
    await expect.poll(() => open.page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    await open.shot('not-found');
  });
});
