import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { browserEnv } from './config.ts';
import { linkIn, waitForMail } from './mail.ts';

export const baseUrl = (): string => inject('baseUrl');
export const mailDir = (): string => inject('mailDir');

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot of this step under e2e/artifacts/<test file>/<test>/NN-<step>.png. */
  shot(step: string): Promise<void>;
  close(): Promise<void>;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/** A fresh browser profile (no cookies, no storage) at a phone's or a desktop's size. */
export async function openBrowser(
  testFile: string,
  testName: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: browserEnv.CHROMIUM_PATH,
    headless: browserEnv.E2E_HEADLESS === 'true',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  const page = await context.newPage();
  const dir = join(
    browserEnv.E2E_ARTIFACTS_DIR ?? join(REPO_ROOT, 'e2e', 'artifacts'),
    basename(testFile).replace(/\.test\.ts$/, ''),
    slug(testName),
  );
  await mkdir(dir, { recursive: true });
  let step = 0;
  const session: BrowserSession = {
    browser,
    context,
    page,
    shot: async (name) => {
      step += 1;
      await page.screenshot({ path: join(dir, `${String(step).padStart(2, '0')}-${slug(name)}.png`), fullPage: true });
    },
    close: () => browser.close(),
  };
  openSessions.add(session);
  return session;
}

/** Serious and critical axe violations on the page as it is now (rule id and the first offending element). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ') ?? '?'})`);
}

const openSessions = new Set<BrowserSession>();

/**
 * Closes every browser a test opened once it ends, after a screenshot of each (`at-failure`) if it failed. Call it
 * once at the top of a test file.
 */
export function closeBrowsersAfterEach(): void {
  afterEach(async ({ task }) => {
    const failed = task.result?.state === 'fail';
    for (const session of openSessions) {
      if (failed) await session.shot('at-failure').catch(() => undefined);
      await session.close();
    }
    openSessions.clear();
  });
}

let counter = 0;
/** A unique address per call, so tests never collide on the shared stack. */
export function uniqueEmail(prefix = 'traveler'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${counter}@example.test`;
}

export const PASSWORD = 'Correct-Horse-Battery-42';

/**
 * A verified traveler made through the public API (register, the link from the mail, verify), for tests whose
 * subject is not sign-up itself. The sign-up flow in the browser has its own test.
 */
export async function createVerifiedTraveler(
  profile: { firstName?: string; lastName?: string; role?: 'traveler' | 'owner' } = {},
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(profile.role ?? 'traveler');
  const register = await fetch(`${baseUrl()}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: PASSWORD,
      firstName: profile.firstName ?? 'Ada',
      lastName: profile.lastName ?? 'Lovelace',
      role: profile.role ?? 'traveler',
    }),
  });
  if (register.status !== 202) throw new Error(`register: ${register.status} ${await register.text()}`);
  await confirmEmail(email);
  return { email, password: PASSWORD };
}

/** Follows the confirmation link mailed to a new account (booking needs a confirmed address). */
export async function confirmEmail(email: string): Promise<void> {
  const link = linkIn(await waitForMail(mailDir(), email, /confirm|verify/i), '/verify-email');
  const token = new URL(link).hash.replace(/^#token=/, '');
  const verify = await fetch(`${baseUrl()}/api/auth/email/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!verify.ok) throw new Error(`verify: ${verify.status} ${await verify.text()}`);
}

/** A verified traveler, signed in, in a browser of their own: for tests whose subject is not signing in. */
export async function openAsTraveler(
  testFile: string,
  testName: string,
  options: {
    profile?: Parameters<typeof createVerifiedTraveler>[0];
    viewport?: { width: number; height: number };
  } = {},
) {
  const user = await createVerifiedTraveler(options.profile);
  const session = await openBrowser(testFile, testName, options.viewport);
  await signInThroughApi(session.context, user);
  return { user, session, page: session.page, shot: (step: string) => session.shot(step) };
}

/**
 * Signs the browser in without the login form: the context's request API shares the page's cookie jar, so the
 * refresh cookie it receives is what the web client restores its session from on the next page load.
 */
export async function signInThroughApi(context: BrowserContext, user: { email: string; password: string }) {
  const res = await context.request.post('/api/auth/login', { data: user });
  if (!res.ok()) throw new Error(`login: ${res.status()} ${await res.text()}`);
}
