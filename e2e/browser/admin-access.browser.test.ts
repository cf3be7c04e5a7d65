import { describe, expect, test } from 'vitest';
import {
  call,
  createAdminWithout2fa,
  createOwner,
  createTraveler,
  passwordToken,
  signInOnPortal,
  totp,
} from './admin-portal.ts';
import { closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';

const SETTLED = { timeout: 30_000 };

closeBrowsersAfterEach();

describe('admin portal: who may use it', () => {
  test('When a traveler signs in on the portal, then every page refuses them and says where they belong', async ({
    task,
  }) => {
    const traveler = await createTraveler();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;

    await signInOnPortal(page, traveler);
    const refusal = page.getByRole('heading', { name: 'This portal is for hosts and Tripwise staff' });
    await refusal.waitFor();
    expect(await page.title()).toBe('Not for traveler accounts · Tripwise Partners');
    expect(await page.getByRole('navigation', { name: 'Portal' }).count()).toBe(0);
    await open.shot('traveler-refused');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A link straight to an admin page, or an owner's, is refused the same way.
    for (const path of ['/admin/users', '/admin/listings', '/admin/bills/TW-202611-00000001']) {
      await page.goto(path);
      await refusal.waitFor();
    }
    // And the API behind them says no too.
    const token = await passwordToken(traveler);
    expect((await call('GET', '/api/listings/hotels', { token })).status).toBe(403);
    expect((await call('GET', '/api/auth/admin/users', { token })).status).toBe(403);

    await page.getByRole('button', { name: 'Sign in with another account' }).click();
    await page.getByRole('heading', { name: 'Sign in for hosts and admins' }).waitFor();
    expect(await page.title()).toBe('Sign in · Tripwise Partners');
  });

  test('When an admin without two-factor signs in, then no admin page opens until they enrol, and after enrolling the session has admin powers', async ({
    task,
  }) => {
    const admin = await createAdminWithout2fa();
    // The API refuses this admin's password-only session.
    const passwordOnly = await passwordToken(admin);
    expect((await call('GET', '/api/auth/admin/users', { token: passwordOnly })).status).toBe(403);

    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInOnPortal(page, admin);
    await page.getByRole('heading', { name: 'Turn on two-factor authentication' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/two-factor');
    // Asking for an admin page directly leads back here.
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Turn on two-factor authentication' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Portal' }).count()).toBe(0);
    await open.shot('must-enrol');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('6-digit code from the app').fill(totp(secret));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await expect.poll(() => page.getByTestId('backup-codes').getByRole('listitem').count(), SETTLED).toBe(10);
    await open.shot('backup-codes');
    await page.getByRole('button', { name: 'I saved my codes, continue' }).click();

    // Back where they asked to go, now with the admin pages.
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Review queue' }).waitFor();
    await page.getByRole('region', { name: 'Users table' }).waitFor();
    // The session survives a reload: the refresh cookie brings back the upgraded session.
    await page.reload();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  });

  test('When an owner opens an admin page on a phone, then it is refused inside the portal, and their own pages work', async ({
    task,
  }) => {
    const owner = await createOwner();
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    const { page } = open;
    await signInOnPortal(page, owner);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Portal' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Overview',
      'My listings',
      'Bookings',
      'Performance',
      'Insights',
    ]);

    for (const path of ['/admin/users', '/admin/bills', '/admin/review', '/admin/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Only admins can open this page' }).waitFor();
    }
    await open.shot('owner-refused-admin-page-on-a-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const token = await passwordToken(owner);
    expect((await call('GET', '/api/billing?month=2026-01', { token })).status).toBe(403);

    await nav.getByRole('link', { name: 'My listings' }).click();
    await page.getByRole('heading', { name: 'No hotels yet' }).waitFor();
    expect(await page.title()).toBe('My hotels · Tripwise Partners');
    // Nothing on the phone's page is wider than the screen: tables scroll inside their own region.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await open.shot('owner-listings-on-a-phone');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in for hosts and admins' }).waitFor();
  });

  test('When an owner has the portal and the traveler site open in several tabs, then they share one session, and signing out in one tab signs out all', async ({
    task,
  }) => {
    const owner = await createOwner('Tabitha');
    const open = await openBrowser(import.meta.filename, task.name);
    const first = open.page;
    await signInOnPortal(first, owner);
    await first.getByRole('heading', { name: 'Welcome, Tabitha' }).waitFor();

    // A second portal tab and a traveler-site tab restore the same session from the refresh cookie, renewing it one
    // tab at a time (a refresh token presented twice would end the session for all of them).
    const second = await open.context.newPage();
    await second.goto('/admin/bookings');
    await second.getByRole('heading', { name: 'Bookings of my listings' }).waitFor();
    const site = await open.context.newPage();
    await site.goto('/');
    await site.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await first.reload();
    await first.getByRole('heading', { name: 'Welcome, Tabitha' }).waitFor();

    await first.getByRole('button', { name: 'Sign out' }).click();
    await first.getByRole('heading', { name: 'Sign in for hosts and admins' }).waitFor();
    await second.getByRole('heading', { name: 'Sign in for hosts and admins' }).waitFor();
    await site.getByRole('link', { name: 'Sign in' }).waitFor();
    await open.shot('signed-out-everywhere');
  });
});
