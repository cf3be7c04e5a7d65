import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import {
  bookRoom,
  call,
  createAdminWith2fa,
  createHotel,
  createOwner,
  createTraveler,
  demoAdminToken,
  hotelBody,
  isoDaysFromNow,
  passwordToken,
  signInOnPortal,
  usd,
  type HotelListing,
} from './admin-portal.ts';
import { tabTo } from './booking-helpers.ts';
import { closeBrowsersAfterEach, openBrowser, seriousA11yViolations } from './browser.ts';

const SETTLED = { timeout: 30_000 };
const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

closeBrowsersAfterEach();

describe('admin portal: listings', () => {
  test('When an owner adds a hotel with two room types, then the form shows the API’s own messages before sending, the hotel waits for review, and an edit saves a new price', async ({
    task,
  }) => {
    const owner = await createOwner();
    const token = await passwordToken(owner);
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInOnPortal(page, owner);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await page.getByRole('link', { name: 'Add a hotel' }).first().click();
    await page.getByRole('heading', { name: 'Add a hotel', level: 1 }).waitFor();
    expect(await page.title()).toBe('Add a hotel · Tripwise Partners');

    // Wrong values: the page refuses them with the messages the listings API gives for the same values.
    const name = unique('Harbor Test Hotel');
    await page.getByLabel('Hotel name').fill(name);
    await page.getByLabel('City code').fill('BO');
    await page.getByLabel('Latitude').fill('95');
    await page.getByLabel('Name', { exact: true }).fill('Queen Room');
    await page.getByLabel('Rooms of this type').fill('20');
    await page.getByLabel('Nightly price (USD)').fill('0');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('Please correct the fields marked below.').waitFor();
    const refused = await call<{ errors: { field: string; message: string }[] }>('POST', '/api/listings/hotels', {
      token,
      body: {
        ...hotelBody(name),
        cityCode: 'BO',
        latitude: 95,
        rooms: [{ name: 'Queen Room', capacity: 2, units: 20, nightlyPrice: 0 }],
      },
    });
    expect(refused.status).toBe(400);
    for (const [field, label] of [
      ['cityCode', 'City code'],
      ['latitude', 'Latitude'],
      ['rooms.0.nightlyPrice', 'Nightly price (USD)'],
    ] as const) {
      const message = refused.body.errors.find((e) => e.field === field)?.message;
      expect(message, field).toBeTruthy();
      const input = page.getByLabel(label).first();
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const errorId = ((await input.getAttribute('aria-describedby')) ?? '')
        .split(' ')
        .find((id) => id.endsWith('-error'));
      const shown = await page.locator(`[id="${errorId}"]`).textContent();
      expect(shown?.toLowerCase()).toContain(message!.toLowerCase());
    }
    // The first field to fix has the focus.
    expect(
      await page.evaluate<string | null>(
        'document.activeElement && document.activeElement.getAttribute("aria-invalid")',
      ),
    ).toBe('true');
    await open.shot('refused-with-the-apis-messages');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Nothing was sent.
    expect((await call<{ items: unknown[] }>('GET', '/api/listings/hotels', { token })).body.items).toEqual([]);

    // Right values, the city picked from the places search.
    await page.getByLabel('Find the city or airport').fill('Boston');
    await page.getByRole('button', { name: 'Boston (BOS), United States' }).click();
    expect(await page.getByLabel('City code').inputValue()).toBe('BOS');
    expect(await page.getByLabel('Country').inputValue()).toBe('United States');
    await page.getByLabel('Street address').fill('10 Harbor Way');
    await page.getByLabel('Neighborhood').fill('Seaport');
    await page.getByLabel('Latitude').fill('42.35');
    await page.getByLabel('Longitude').fill('-71.04');
    await page.getByLabel('wifi').check();
    await page.getByLabel('pet friendly').check();
    await page.getByLabel('Pets allowed').check();
    await page.getByLabel('Nightly price (USD)').fill('189');
    await page.getByRole('button', { name: 'Add a room type' }).click();
    const second = page.getByRole('group', { name: 'Room type 2' });
    await second.getByLabel('Name').fill('Harbor Suite');
    await second.getByLabel('Sleeps').fill('4');
    await second.getByLabel('Rooms of this type').fill('5');
    await second.getByLabel('Nightly price (USD)').fill('329.50');
    await open.shot('filled-in');
    await page.getByRole('button', { name: 'Submit for review' }).click();

    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await page.getByTestId('listing-status').textContent()).toBe('Waiting for review');
    await page.getByText('Submitted: it goes live once a Tripwise admin has reviewed it.').waitFor();
    expect(await page.title()).toBe(`${name} · Tripwise Partners`);
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const created = await call<HotelListing & { amenities: string[] }>('GET', `/api/listings/hotels/${id}`, { token });
    expect(created.body.status).toBe('pending');
    expect(created.body.amenities.sort()).toEqual(['pet_friendly', 'wifi']);
    expect(created.body.rooms.map((r) => [r.name, r.nightlyPrice.amount])).toEqual([
      ['Queen Room', 18_900],
      ['Harbor Suite', 32_950],
    ]);
    await open.shot('waiting-for-review');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // An edit: the suite's price.
    await page.getByRole('group', { name: 'Room type 2' }).getByLabel('Nightly price (USD)').fill('349');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Saved at /).waitFor();
    await expect
      .poll(
        async () =>
          (await call<HotelListing>('GET', `/api/listings/hotels/${id}`, { token })).body.rooms[1]?.nightlyPrice.amount,
        SETTLED,
      )
      .toBe(34_900);

    // It is in the owner's list, with its status.
    await page.getByRole('link', { name: '← Hotels' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    expect(await row.getByText('Waiting for review').count()).toBe(1);
  });

  test('When an admin signs in with TOTP, then they approve new hotels from the review queue with the keyboard and in bulk, and suspend one with a note and reinstate it', async ({
    task,
  }) => {
    const owner = await createOwner();
    const [one, two, three] = await Promise.all(
      ['Queue One', 'Queue Two', 'Queue Three'].map((n) => createHotel(owner, unique(n))),
    );
    const admin = await createAdminWith2fa();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInOnPortal(page, admin);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    const ownerToken = await passwordToken(owner);
    const statusOf = async (id: string) =>
      (await call<HotelListing>('GET', `/api/listings/hotels/${id}`, { token: ownerToken })).body.status;

    // New listings are the newest: they are on the first page. The first is approved with the keyboard alone.
    await tabTo(page, (el) => el.label === `Approve ${one!.name}`);
    await page.keyboard.press('Enter');
    await page.getByText(`Approved: ${one!.name}.`).waitFor();
    expect(await statusOf(one!.id)).toBe('active');

    await page.getByRole('checkbox', { name: `Select ${two!.name}` }).check();
    await page.getByRole('checkbox', { name: `Select ${three!.name}` }).check();
    await open.shot('two-selected');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Approve selected (2)' }).click();
    await page.getByText('Approved 2 listings.').waitFor();
    expect([await statusOf(two!.id), await statusOf(three!.id)]).toEqual(['active', 'active']);

    // The admin finds one by its name and suspends it with a note: it asks first, then it is hidden at once.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Listings' }).click();
    await page.getByLabel('Name').fill(one!.name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: one!.name }).click();
    await page.getByRole('heading', { name: one!.name, level: 1 }).waitFor();
    expect(await page.getByTestId('listing-status').textContent()).toBe('Live');
    await page.getByRole('button', { name: `Suspend ${one!.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${one!.name}?` });
    await dialog.getByText('Travelers stop finding it in search at once.').waitFor();
    await dialog.getByLabel('Note to the owner (required)').fill('Guests report it closed.');
    await open.shot('suspend-asks-first');
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => page.getByTestId('listing-status').textContent(), SETTLED).toBe('Suspended');
    expect(await statusOf(one!.id)).toBe('suspended');
    await page.getByTestId('review-note').getByText('Guests report it closed.').waitFor();
    await page.getByRole('button', { name: `Reinstate ${one!.name}` }).click();
    await expect.poll(() => page.getByTestId('listing-status').textContent(), SETTLED).toBe('Live');
    expect(await statusOf(one!.id)).toBe('active');
  });

  test('When a traveler books an owner’s hotel, then the owner sees the guest under upcoming bookings and exports them as CSV', async ({
    task,
  }) => {
    const owner = await createOwner();
    const hotel = await createHotel(owner, unique('Booked Hotel'), await demoAdminToken());
    const traveler = await createTraveler();
    const booking = await bookRoom(traveler, hotel.rooms[0]!, {
      checkIn: isoDaysFromNow(20),
      checkOut: isoDaysFromNow(22),
    });
    expect(booking.status).toBe('confirmed');

    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await signInOnPortal(page, owner);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Bookings' }).click();
    await page.getByRole('heading', { name: 'Bookings of my listings' }).waitFor();
    const row = page.getByRole('row', { name: /Grace Hopper/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(hotel.name);
    expect(await row.textContent()).toContain('1 room × 2 nights');
    expect(await page.title()).toBe('Upcoming bookings · Tripwise Partners');
    await open.shot('upcoming-bookings');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export upcoming as CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'booking id,booked at,status,listing,details,city,from,to,guest,contact email,quantity,units,unit price,amount,currency',
    );
    const line = lines.find((l) => l.startsWith(booking.id));
    expect(line).toContain(`,confirmed,${hotel.name},`);
    expect(line).toContain(`,Grace Hopper,${traveler.email},1,2,`);
    await page.getByText('Exported 1 row (one per booked item).').waitFor();

    // Past, in-house and cancelled have nothing of this owner's yet.
    await page.getByRole('link', { name: 'Cancelled' }).click();
    await page.getByRole('heading', { name: 'No cancelled bookings' }).waitFor();
    expect(new URL(page.url()).search).toBe('?view=cancelled');
    // Every price is shown as the booking API answers it.
    const upcoming = await call<{ items: { items: { subtotal: { amount: number } }[] }[] }>(
      'GET',
      '/api/bookings/of-my-listings?when=upcoming',
      { token: await passwordToken(owner) },
    );
    await page.getByRole('link', { name: 'Upcoming' }).click();
    await page
      .getByRole('row', { name: /Grace Hopper/ })
      .getByText(usd(upcoming.body.items[0]!.items[0]!.subtotal.amount))
      .waitFor();
  });
});
