import { describe, expect, test } from 'vitest';
import {
  createVerifiedTraveler,
  mailDir,
  openBrowser,
  PASSWORD,
  seriousA11yViolations,
  signInThroughApi,
  uniqueEmail,
  closeBrowsersAfterEach,
  type BrowserSession,
} from './browser.ts';
import { linkIn, waitForMail } from './mail.ts';

// A limit against hangs, as patient as Playwright's own waits (vitest's default of 1 s is too short on a busy machine).
const SETTLED = { timeout: 30_000 };

closeBrowsersAfterEach();

/** The message shown under an input, read through its aria-describedby as a screen reader would. */
async function errorUnder(session: BrowserSession, label: string): Promise<string> {
  const input = session.page.getByLabel(label, { exact: true });
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter((id) => id.endsWith('-error'))
      .map((id) => session.page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe('the account pages', () => {
  test('When a traveler registers, confirms the link from the mail and signs in, then they land where they were going', async ({
    task,
  }) => {
    const email = uniqueEmail('signup');
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;

    await page.goto('/register');
    await page.getByRole('heading', { name: 'Create your Tripwise account' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('List my hotels or rental cars (owner)').check();
    await page.getByLabel('Travel: book flights, hotels and cars').check();
    await page.getByLabel('First name').fill('Katherine');
    await page.getByLabel('Last name').fill('Johnson');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await errorUnder(open, 'Password')).toMatch(/at least 12 characters/);
    await page.getByLabel('Password').fill(PASSWORD);
    await open.shot('register-form');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await open.shot('check-your-inbox');

    const link = linkIn(await waitForMail(mailDir(), email, /confirm/i), '/verify-email');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the token does not stay in the address bar or the history
    await open.shot('email-confirmed');

    await page.goto('/account');
    await expect.poll(() => page.url(), SETTLED).toContain('/login?next=%2Faccount');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/email or password is incorrect/).waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await open.shot('sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByRole('link', { name: 'Katherine' }).waitFor();
    expect(await page.getByLabel('Last name').inputValue()).toBe('Johnson');
    expect(await page.getByRole('region', { name: 'Confirm your email' }).count()).toBe(0);
    await open.shot('account');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('When a profile field is refused by the server on a phone, then the reason shows next to it, and the fixed profile saves normalised', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Ada' });
    const open = await openBrowser(import.meta.filename, task.name, { width: 390, height: 844 });
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Profile' }).waitFor();

    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('City').fill('Cambridge');
    await page.getByLabel('State').fill('massachusetts');
    await page.getByLabel('ZIP code').fill('1234');
    await page.getByLabel('Phone').fill('(617) 555-0100');
    await page.getByLabel('Phone').blur();
    // Checked in the browser with the server's own rule, before anything is sent.
    expect(await errorUnder(open, 'ZIP code')).toMatch(/ZIP code: 12345 or 12345-6789/);
    await page.getByLabel('ZIP code').fill('02139');
    await page.getByLabel('Profile photo URL').fill('http://insecure.example/me.png');
    await page.getByLabel('Home airport').fill('bos');
    await page.getByRole('button', { name: 'Save profile' }).click();

    // Only the server checks the photo link; its answer names the field, so it shows beside it.
    await expect.poll(() => errorUnder(open, 'Profile photo URL'), SETTLED).toMatch(/https URL/);
    expect(await page.getByLabel('Profile photo URL').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Profile photo URL').scrollIntoViewIfNeeded();
    await open.shot('server-refused-field-on-a-phone');

    await page.getByLabel('Profile photo URL').fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    expect(await page.getByLabel('State').inputValue()).toBe('MA');
    expect(await page.getByLabel('Phone').inputValue()).toBe('+16175550100');
    expect(await page.getByLabel('Home airport').inputValue()).toBe('BOS');
    await page.getByRole('link', { name: 'Grace' }).waitFor();
    await open.shot('profile-saved-on-a-phone');

    await page.reload();
    await expect.poll(() => page.getByLabel('City').inputValue(), SETTLED).toBe('Cambridge');
    expect(await page.getByLabel('ZIP code').inputValue()).toBe('02139');
  });
  test('When a traveler forgets the password, then the link from the mail sets a new one that signs in', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Barbara' });
    const newPassword = 'Another-Long-Passphrase-7';
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor(); // not the sign-in form's Email
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const link = linkIn(await waitForMail(mailDir(), user.email, /reset/i), '/reset-password');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('New password').fill(newPassword);
    await open.shot('choose-a-new-password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { name: 'Your password was changed' }).waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Barbara' }).waitFor();
  });
  test('When a traveler deletes the account after confirming, then they are signed out and cannot sign in again', async ({
    task,
  }) => {
    const user = await createVerifiedTraveler({ firstName: 'Ida' });
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInThroughApi(open.context, user);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const danger = page.getByRole('region', { name: 'Delete account' });
    await danger.getByLabel('Password').fill(user.password);
    const confirm = danger.getByRole('button', { name: 'Delete my account' });
    expect(await confirm.isDisabled()).toBe(true); // not until the consequence is acknowledged
    await danger.getByLabel('I understand that my account is deleted for good').check();
    await open.shot('confirm-deletion');
    await confirm.click();

    await page.getByText('Your account was deleted').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/email or password is incorrect/).waitFor();
  });
});
