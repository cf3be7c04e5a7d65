import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  bookRoom,
  call,
  createAdminWith2fa,
  createHotel,
  createOwner,
  createTraveler,
  isoDaysFromNow,
  signInOnPortal,
  usd,
  type Account,
} from './admin-portal.ts';
import { closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';

const SETTLED = { timeout: 30_000 };

closeBrowsersAfterEach();

const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const portalNav = (page: Page) => page.getByRole('navigation', { name: 'Portal' });

async function signInAsAdmin(page: Page, admin: Account) {
  await signInOnPortal(page, admin);
  await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
}

/** A booking of a new, approved hotel: a payment in this month's books and a sale in this year's analytics. */
async function aBooking() {
  const owner = await createOwner();
  const approver = await createAdminWith2fa();
  const hotel = await createHotel(owner, unique('Report Hotel'), approver.token);
  const traveler = await createTraveler();
  const booking = await bookRoom(traveler, hotel.rooms[0]!, {
    checkIn: isoDaysFromNow(15),
    checkOut: isoDaysFromNow(18),
  });
  return { owner, hotel, traveler, booking };
}

/** The text of every body row of a table, cell by cell. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((t) => t.trim())));
}

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('admin portal: users, bills and analytics', () => {
  test('When an admin finds a user, then they see the profile and audit trail, change the role, and a lock signs the user out until unlocked', async ({
    task,
  }) => {
    const admin = await createAdminWith2fa();
    const user = await createTraveler('Katherine');
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInAsAdmin(page, admin);
    await portalNav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Email or name').fill(user.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), SETTLED).toBe(user.email);
    await page.getByRole('link', { name: 'Katherine Hopper' }).click();
    await page.getByRole('heading', { name: 'Katherine Hopper', level: 1 }).waitFor();
    expect(await page.getByTestId('user-role').textContent()).toBe('traveler');
    expect(await page.title()).toBe('Katherine Hopper · Tripwise Partners');
    await page.getByRole('region', { name: 'Audit events of this user' }).getByText('user.registered').waitFor();
    await open.shot('user-profile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Role change: the consequences first, then the change, written to the audit log.
    await page.getByLabel('Role', { exact: true }).selectOption('owner');
    await page.getByRole('button', { name: 'Change role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Make Katherine Hopper an owner?' });
    await roleDialog.getByText('Every session of theirs ends at once').waitFor();
    await roleDialog.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => page.getByTestId('user-role').textContent(), SETTLED).toBe('owner');
    await page.getByRole('region', { name: 'Audit events of this user' }).getByText('role.changed').waitFor();
    const adminToken = admin.token!;
    const stored = await call<{ role: string }>('GET', `/api/auth/admin/users/${user.id}`, { token: adminToken });
    expect(stored.body.role).toBe('owner');

    // Lock: the session they have now stops working at once, they cannot sign in again; unlock: they can.
    const theirs = await call<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect((await call('GET', '/api/auth/me', { token: theirs.body.accessToken })).status).toBe(200);
    await page.reload();
    await page.getByRole('region', { name: 'Sessions' }).getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'Lock account' }).click();
    const lockDialog = page.getByRole('dialog', { name: 'Lock Katherine Hopper?' });
    await lockDialog.getByText('They are signed out everywhere at once (1 active session).').waitFor();
    await open.shot('lock-asks-first');
    await lockDialog.getByRole('button', { name: 'Lock account' }).click();
    await page.getByText('Locked: they were signed out everywhere.').waitFor();
    await page.getByText('Not signed in anywhere.').waitFor();
    expect((await call('GET', '/api/auth/me', { token: theirs.body.accessToken })).status).toBe(401);
    const login = () => call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } });
    expect((await login()).status).toBe(403);
    await page.getByRole('button', { name: 'Unlock account' }).click();
    await page
      .getByRole('dialog', { name: 'Unlock Katherine Hopper?' })
      .getByRole('button', { name: 'Unlock' })
      .click();
    await page.getByText('Unlocked: they can sign in again.').waitFor();
    expect((await login()).status).toBe(200);

    // The audit log page filters by event, in the address.
    await portalNav(page).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Event' }).selectOption('admin.user_disabled');
    await expect.poll(() => new URL(page.url()).searchParams.get('event'), SETTLED).toBe('admin.user_disabled');
    await page.getByRole('region', { name: 'Audit events' }).getByRole('link', { name: user.email }).first().waitFor();
  });

  test('When an admin deletes a user, then the dialog says what happens first, and the account is gone', async ({
    task,
  }) => {
    const admin = await createAdminWith2fa();
    const user = await createTraveler('Barbara');
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInAsAdmin(page, admin);
    await page.goto(`/admin/users/${user.id}`);
    await page.getByRole('heading', { name: 'Barbara Hopper', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Barbara Hopper?' });
    await dialog.getByText('Bookings, payments and bills stay in the books under their user id.').waitFor();
    await open.shot('delete-consequences');
    await dialog.getByRole('button', { name: 'Delete user for good' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const token = admin.token!;
    expect((await call('GET', `/api/auth/admin/users/${user.id}`, { token })).status).toBe(404);
  });

  test('When an admin looks for a bill by month and by the traveler’s email, then they open it and its receipt shows what the billing API holds', async ({
    task,
  }) => {
    const { traveler, hotel } = await aBooking();
    const admin = await createAdminWith2fa();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInAsAdmin(page, admin);
    await portalNav(page).getByRole('link', { name: 'Bills' }).click();
    await page.getByRole('heading', { name: 'Bills', level: 1 }).waitFor();
    const month = new Date().toISOString().slice(0, 7);
    await page.getByText(`${monthName(month)}, oldest first.`).waitFor();
    await page.getByLabel('User email').fill(traveler.email);
    await page.getByRole('button', { name: 'Find user' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('userId'), SETTLED).toBe(traveler.id);

    const token = admin.token!;
    const books = await call<{ items: { billingNumber: string; amount: { amount: number }; status: string }[] }>(
      'GET',
      `/api/billing?month=${month}&userId=${traveler.id}`,
      { token },
    );
    expect(books.body.items).toHaveLength(1);
    const bill = books.body.items[0]!;
    const row = page.getByRole('row', { name: new RegExp(bill.billingNumber) });
    await row.waitFor();
    expect(await row.textContent()).toContain(usd(bill.amount.amount));
    await open.shot('bills-of-the-month-for-one-traveler');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole('link', { name: bill.billingNumber }).click();
    await page.getByRole('heading', { name: `Bill ${bill.billingNumber}`, level: 1 }).waitFor();
    expect(await page.getByTestId('bill-amount').textContent()).toBe(usd(bill.amount.amount));
    expect(await page.getByTestId('bill-status').textContent()).toBe(bill.status);
    await page.getByRole('region', { name: 'Receipt lines' }).getByText(hotel.name, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Print receipt' }).waitFor();
    await page.getByText('None: no refund or other payment.').waitFor();
    expect(await page.title()).toBe(`Bill ${bill.billingNumber} · Tripwise Partners`);
    // Printed, only the receipt remains.
    await page.emulateMedia({ media: 'print' });
    expect(await portalNav(page).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print receipt' }).isVisible()).toBe(false);
    await open.shot('receipt-as-printed');
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('When an admin opens the marketplace analytics, then the charts are drawn with data and each table view matches the analytics API', async ({
    task,
  }) => {
    const { hotel } = await aBooking();
    const admin = await createAdminWith2fa();
    const token = admin.token!;
    const year = new Date().getUTCFullYear();
    const month = new Date().toISOString().slice(0, 7);
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInAsAdmin(page, admin);
    await page.goto(`/admin/analytics?year=${year}&month=${month}`);
    await page.getByRole('heading', { name: 'Marketplace analytics', level: 1 }).waitFor();
    expect(await page.title()).toBe('Marketplace analytics · Tripwise Partners');

    const figure = (testId: string) => page.getByTestId(testId);
    const charts = [
      'chart-top-properties',
      'chart-revenue-by-city',
      'chart-top-providers',
      'chart-sales-month-revenue',
    ];
    for (const id of charts) {
      await figure(id).locator('svg[role="img"] rect').first().waitFor();
    }
    await open.shot('charts');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const expected = {
      'chart-top-properties': async () => {
        const body = (
          await call<{ items: { name: string; city: string; bookings: number; revenue: { amount: number } }[] }>(
            'GET',
            `/api/analytics/top-properties?year=${year}`,
            { token },
          )
        ).body;
        return body.items.map((r, i) => [
          String(i + 1),
          r.name,
          r.city,
          String(r.bookings),
          usd(r.revenue.amount),
          'USD',
        ]);
      },
      'chart-revenue-by-city': async () => {
        const body = (
          await call<{ items: { city: string; bookings: number; revenue: { amount: number } }[] }>(
            'GET',
            `/api/analytics/revenue-by-city?year=${year}`,
            { token },
          )
        ).body;
        return body.items.map((r) => [r.city, String(r.bookings), usd(r.revenue.amount), 'USD']);
      },
      'chart-top-providers': async () => {
        const body = (
          await call<{ items: { provider: { name: string }; unitsSold: number; revenue: { amount: number } }[] }>(
            'GET',
            `/api/analytics/top-providers?month=${month}`,
            { token },
          )
        ).body;
        return body.items.map((r) => [r.provider.name, String(r.unitsSold), usd(r.revenue.amount), 'USD']);
      },
      'chart-sales-month-revenue': async () => {
        const body = (
          await call<{ points: { period: string; bookings: number; revenue: { amount: number } }[] }>(
            'GET',
            `/api/analytics/sales?from=${year}-01-01&to=${year + 1}-01-01&interval=month`,
            { token },
          )
        ).body;
        return body.points.map((p) => [
          monthName(p.period.slice(0, 7)),
          String(p.bookings),
          usd(p.revenue.amount),
          'USD',
        ]);
      },
    };
    // The providers table has a Kind column the API names by code; compare the others.
    const withoutKind = (rows: string[][], id: string) =>
      id === 'chart-top-providers' ? rows.map((r) => [r[0]!, ...r.slice(2)]) : rows;
    for (const [id, fromApi] of Object.entries(expected)) {
      await figure(id).getByRole('button', { name: 'Table' }).click();
      const table = figure(id).getByRole('table');
      await table.waitFor();
      // Other tests book at the same time: read both again until the page's (reloaded) table and the API agree.
      await expect
        .poll(async () => {
          const [api, shown] = [await fromApi(), withoutKind(await rowsOf(table), id)];
          if (JSON.stringify(api) === JSON.stringify(shown)) return true;
          await page.reload();
          await figure(id).getByRole('button', { name: 'Table' }).click();
          return false;
        }, SETTLED)
        .toBe(true);
    }
    // The booking this test made is in the year's revenue of its city.
    const cityRows = await rowsOf(figure('chart-revenue-by-city').getByRole('table'));
    expect(cityRows.map((r) => r[0])).toContain(hotel.city);
    await open.shot('table-views');

    // Each chart's data downloads as CSV, amounts as plain numbers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure('chart-revenue-by-city').getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('City,Bookings,Revenue,Currency');
    const cities = (
      await call<{ items: { city: string; bookings: number; revenue: { amount: number } }[] }>(
        'GET',
        `/api/analytics/revenue-by-city?year=${year}`,
        { token },
      )
    ).body.items;
    expect(csv.length - 1).toBe(cities.length);
    expect(csv).toContain(
      `${cities[0]!.city},${cities[0]!.bookings},${(cities[0]!.revenue.amount / 100).toFixed(2)},USD`,
    );
  });
});
