import { describe, expect, test } from 'vitest';
import { baseUrl, createVerifiedTraveler, openBrowser, signInThroughApi, closeBrowsersAfterEach } from './browser.ts';

// A limit against hangs, as patient as Playwright's own waits (vitest's default of 1 s is too short on a busy machine).
const SETTLED = { timeout: 30_000 };

closeBrowsersAfterEach();

describe('the devices list', () => {
  test('When another device is signed out from the account page, then it loses access; so do all others at once, and this device can sign itself out', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Radia' });
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    // A second browser profile stands for the traveler's other device: its own cookies, its own session.
    const otherDevice = await open.browser.newContext({ baseURL: baseUrl(), viewport: { width: 390, height: 844 } });
    const otherPage = await otherDevice.newPage();
    await signInThroughApi(otherDevice, user);
    await otherPage.goto('/account');
    await otherPage.getByRole('heading', { name: 'Your account' }).waitFor();

    await signInThroughApi(open.context, user);
    await page.goto('/account');
    const sessions = page.getByTestId('session');
    await expect.poll(() => sessions.count(), SETTLED).toBe(2);
    expect(await sessions.filter({ hasText: 'This device' }).count()).toBe(1);
    await open.shot('two-devices');

    await sessions
      .filter({ hasNotText: 'This device' })
      .getByRole('button', { name: /^Sign out / })
      .click();
    await expect.poll(() => sessions.count(), SETTLED).toBe(1);
    await open.shot('other-device-signed-out');

    await otherPage.reload();
    await expect.poll(() => otherPage.url(), SETTLED).toContain('/login?next=%2Faccount');
    expect(await otherPage.getByRole('link', { name: 'Radia' }).count()).toBe(0);

    await signInThroughApi(otherDevice, user);
    await page.reload();
    await expect.poll(() => sessions.count(), SETTLED).toBe(2);
    await page.getByRole('button', { name: /^Sign out all other devices/ }).click();
    await page.getByText('Signed out 1 other device.').waitFor();
    await expect.poll(() => sessions.count(), SETTLED).toBe(1);
    await otherPage.goto('/account');
    await expect.poll(() => otherPage.url(), SETTLED).toContain('/login?next=%2Faccount');

    await page.getByRole('button', { name: 'Sign out this device' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/account');
    await expect.poll(() => page.url(), SETTLED).toContain('/login?next=%2Faccount');
  });
});
