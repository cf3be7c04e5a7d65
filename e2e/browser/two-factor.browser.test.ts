import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  createVerifiedTraveler,
  openBrowser,
  seriousA11yViolations,
  signInThroughApi,
  closeBrowsersAfterEach,
} from './browser.ts';

// A limit against hangs, as patient as Playwright's own waits (vitest's default of 1 s is too short on a busy machine).
const SETTLED = { timeout: 30_000 };

closeBrowsersAfterEach();

/**
 * The code an authenticator app shows, computed as the auth service computes it (otplib). It is taken one
 * 30-second step ahead: the server accepts one step of drift, and never the same step twice, so a code for the
 * step the enrolment just used would be refused.
 */
const nextTotpCode = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

async function signInWithPassword(page: Page, user: { email: string; password: string }) {
  await page.goto('/login?next=%2Faccount');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
}

describe('two-factor authentication', () => {
  test('When a traveler enrols with the QR code and signs in again, then the TOTP code lets them in, and a backup code works once', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Hedy' });
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();

    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await open.shot('scan-the-qr-code');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('6-digit code from the app').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const codes = page.getByTestId('backup-codes').getByRole('listitem');
    await expect.poll(() => codes.count(), SETTLED).toBe(10);
    const backupCode = ((await codes.first().textContent()) ?? '').trim();
    await open.shot('backup-codes-shown-once');
    await page.getByRole('button', { name: 'I saved my codes' }).click();
    await expect.poll(() => page.getByTestId('backup-codes-left').textContent(), SETTLED).toBe('10');
    // The enrolment replaced the password-only session; the page goes on working with the new one.
    await page.reload();
    await expect.poll(() => page.getByTestId('backup-codes-left').textContent(), SETTLED).toBe('10');

    await signOut(page);
    await signInWithPassword(page, user);
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('The code is not valid').waitFor();
    await page.getByLabel('Authentication code').fill(nextTotpCode(secret));
    await open.shot('second-step');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');

    await signOut(page);
    await signInWithPassword(page, user);
    await page.getByRole('button', { name: 'Use a backup code instead' }).click();
    await page.getByLabel('Backup code').fill(backupCode);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect.poll(() => page.getByTestId('backup-codes-left').textContent(), SETTLED).toBe('9');
    await open.shot('signed-in-with-a-backup-code');
  });
});
