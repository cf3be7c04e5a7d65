import { describe, expect, inject, test } from 'vitest';
import { closeBrowsersAfterEach, openBrowser } from './browser.ts';

closeBrowsersAfterEach();

const envelopes = async (): Promise<string[]> =>
  (await (await fetch(`${inject('sentryIngestUrl')}/envelopes`)).json()) as string[];

describe('error reporting in the browser apps', () => {
  test('When the web client meets an uncaught error and an unhandled rejection, then each reaches Sentry once, tagged, without the query string', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const config = open.page.waitForResponse((res) => res.url().endsWith('/client-config.json'));
    await open.page.goto('/?q=grace%40example.com');
    expect((await config).status()).toBe(200);
    await open.page.waitForFunction(() => '__SENTRY__' in globalThis);
    await open.page.waitForTimeout(500);
    await open.page.evaluate(() => {
      setTimeout(() => {
        throw new Error('a browser test error');
      });
      // From a task of the page's own, as a bug would (a rejection inside the test driver's call is its own).
      setTimeout(() => void Promise.reject(new Error('a browser test rejection')), 10);
    });
    // An event's exception names its error; a later event may mention it again, in its breadcrumbs.
    const reported = async (message: string) => (await envelopes()).filter((e) => e.includes(`"value":"${message}"`));
    await expect.poll(() => reported('a browser test error'), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => reported('a browser test rejection'), { timeout: 10_000 }).toHaveLength(1);
    const [event] = await reported('a browser test error');
    expect(event).toContain('"app":"web-client"');
    expect(event).toContain('"environment":"development"');
    expect(event).not.toContain('grace');
  });
});
