import { describe, expect, test } from 'vitest';
import {
  CARDS,
  assertStayAvailable,
  bookingsOf,
  fillPayment,
  findFlightDay,
  isoDaysFromNow,
  tabTo,
  PATIENTLY,
} from './booking-helpers.ts';
import { closeBrowsersAfterEach, openAsTraveler, seriousA11yViolations } from './browser.ts';

closeBrowsersAfterEach();

describe('search, book, see it in My trips, cancel', () => {
  test('When a traveler searches flights with filters and books with a test card, then the trip is in My trips and can be cancelled with its refund shown first', async ({
    task,
  }) => {
    const trip = await findFlightDay();
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name);

    await page.goto('/');
    await page.getByRole('radio', { name: 'One way' }).check();
    for (const [label, code] of [
      ['From', trip.origin],
      ['To', trip.destination],
    ] as const) {
      await page.getByRole('combobox', { name: label }).fill(code);
      await page
        .getByRole('option', { name: new RegExp(`\\(${code}\\)`) })
        .first()
        .waitFor();
      await page.getByRole('combobox', { name: label }).press('ArrowDown');
      await page.getByRole('combobox', { name: label }).press('Enter');
    }
    await page.getByLabel('Depart').fill(trip.date);
    await shot('search form');
    await page.getByRole('button', { name: 'Search flights' }).click();

    await page.getByTestId('flight-result').first().waitFor();
    // The box shows what the address says, and the address changes as the click navigates: wait for both.
    const airlineBox = page.getByRole('checkbox', { name: new RegExp(trip.airline.name) });
    await airlineBox.click();
    await expect.poll(() => airlineBox.isChecked(), PATIENTLY).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('airlines'), PATIENTLY).toBe(trip.airline.code);
    await expect.poll(() => page.locator('.result-list.updating').count(), PATIENTLY).toBe(0);
    const airlines = await page.getByTestId('flight-result').allInnerTexts();
    expect(airlines.length).toBeGreaterThan(0);
    expect(airlines.every((text) => text.includes(trip.airline.name))).toBe(true);
    await shot('results filtered by airline');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The filtered search is all in the URL: a reload shows the same.
    await page.reload();
    await expect
      .poll(() => page.getByRole('checkbox', { name: new RegExp(trip.airline.name) }).isChecked(), PATIENTLY)
      .toBe(true);

    await page
      .getByTestId('flight-result')
      .first()
      .getByRole('link', { name: /^Select/ })
      .click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await page.getByLabel('Date of birth').fill('1990-05-17');
    await fillPayment(page);
    await shot('checkout filled in');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    const reference = await page.getByTestId('booking-reference').innerText();
    await shot('confirmation');

    await page.getByRole('link', { name: 'All my trips' }).click();
    const listed = page.getByTestId('trip').filter({ hasText: reference });
    await listed.waitFor();
    await shot('my trips');
    await listed.getByRole('link').click();
    await page.getByRole('button', { name: 'Cancel this trip' }).click();
    const preview = await page.getByTestId('refund-preview').innerText();
    expect(preview).toMatch(/^\$\d/);
    await shot('refund shown before cancelling');
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect.poll(() => page.getByTestId('cancellation').innerText(), PATIENTLY).toContain(`Refund: ${preview}`);
    await shot('cancelled');
    expect(await bookingsOf(user)).toMatchObject([{ status: 'cancelled' }]);
  });

  test('When a traveler on a phone books a hotel room, then it is confirmed and listed in My trips', async ({
    task,
  }) => {
    const [checkIn, checkOut] = [isoDaysFromNow(21), isoDaysFromNow(23)];
    await assertStayAvailable('DEN', checkIn, checkOut);
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name, {
      profile: { firstName: 'Grace', lastName: 'Hopper' },
      viewport: { width: 390, height: 844 },
    });

    await page.goto(`/hotels?city=DEN&checkIn=${checkIn}&checkOut=${checkOut}&guests=2&rooms=1`);
    await page.getByTestId('hotel-result').first().waitFor();
    // On a phone the filters are folded away behind a button, so the results come first.
    await expect.poll(() => page.getByRole('checkbox', { name: /^Wi-Fi/ }).isVisible(), PATIENTLY).toBe(false);
    await page.getByRole('button', { name: 'Show filters' }).click();
    const wifiBox = page.getByRole('checkbox', { name: /^Wi-Fi/ });
    await wifiBox.click();
    await expect.poll(() => wifiBox.isChecked(), PATIENTLY).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('amenities'), PATIENTLY).toBe('wifi');
    await expect.poll(() => page.locator('.result-list.updating').count(), PATIENTLY).toBe(0);
    await shot('hotel results on a phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByTestId('hotel-result')
      .first()
      .getByRole('link', { name: /^See rooms/ })
      .click();
    await page.getByRole('heading', { name: /^Rooms for/ }).waitFor();
    await shot('hotel details');
    await page
      .getByRole('link', { name: /^Book the / })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await expect.poll(() => page.getByLabel('First name').inputValue(), PATIENTLY).toBe('Grace');
    await fillPayment(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('hotel checkout');
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await shot('hotel confirmation');
    await page.goto('/trips');
    await page.getByTestId('trip').first().waitFor();
    expect(await bookingsOf(user)).toMatchObject([{ status: 'confirmed' }]);
  });

  test('When a traveler books a car with the keyboard only, then Tab and Enter are enough from the results to the confirmation', async ({
    task,
  }) => {
    const [pickupDate, dropoffDate] = [isoDaysFromNow(25), isoDaysFromNow(28)];
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name);

    await page.goto(`/cars?location=DEN&pickupDate=${pickupDate}&dropoffDate=${dropoffDate}`);
    await page.getByTestId('car-result').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Book');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();

    const typeInto = async (label: string, text: string) => {
      await tabTo(page, (el) => el.label === label);
      await page.keyboard.type(text);
    };
    await typeInto('Date of birth', '01/02/1985'.replace(/\//g, ''));
    await typeInto("Driver's licence number", 'D1234567');
    await typeInto('Phone', '+1 617 555 0100');
    await typeInto('Card number', '4242424242424242');
    await typeInto('Expiry (MM/YY)', '12/34');
    await typeInto('Security code (CVC)', '123');
    await typeInto('Name on card', 'Ada Lovelace');
    await typeInto('Address', '1 Main Street');
    await typeInto('City', 'Cambridge');
    await typeInto('State', 'MA');
    await typeInto('ZIP or postal code', '02139');
    await shot('car checkout by keyboard');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Book and pay');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await shot('car confirmation');
    expect(await bookingsOf(user)).toMatchObject([{ status: 'confirmed' }]);
  });

  test('When the card is declined, then the traveler is told so at the card and books with another card', async ({
    task,
  }) => {
    const [pickupDate, dropoffDate] = [isoDaysFromNow(30), isoDaysFromNow(32)];
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name);
    await page.goto(`/cars?location=DEN&pickupDate=${pickupDate}&dropoffDate=${dropoffDate}`);
    await page
      .getByTestId('car-result')
      .first()
      .getByRole('link', { name: /^Book the / })
      .click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await page.getByLabel('Date of birth').fill('1985-01-02');
    await page.getByLabel("Driver's licence number").fill('D1234567');
    await fillPayment(page, CARDS.declined);
    await page.getByRole('button', { name: 'Book and pay' }).click();

    await expect
      .poll(() => page.locator('.form-error').first().innerText(), PATIENTLY)
      .toMatch(/declined.*Try another card/i);
    await expect.poll(() => page.getByLabel('Card number').getAttribute('aria-invalid'), PATIENTLY).toBe('true');
    await shot('declined');
    await page.getByLabel('Card number').fill(CARDS.approved);
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await shot('booked with another card');
    const bookings = await bookingsOf(user);
    expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(1);
  });

  test('When the Book button is double-clicked, then exactly one booking is made', async ({ task }) => {
    const trip = await findFlightDay();
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name);
    await page.goto(
      `/flights?origin=${trip.origin}&destination=${trip.destination}&date=${trip.date}&passengers=1&cabin=economy`,
    );
    await page
      .getByTestId('flight-result')
      .first()
      .getByRole('link', { name: /^Select/ })
      .click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await page.getByLabel('Date of birth').fill('1990-05-17');
    await fillPayment(page);
    await page.getByRole('button', { name: 'Book and pay' }).dblclick();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await shot('booked once');
    expect(await bookingsOf(user)).toHaveLength(1);
  });

  test('When a price changed since it was shown, then the new price is explained and accepting it books once at that price', async ({
    task,
  }) => {
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name);
    // The first attempt is answered as the booking service answers a moved price (a raise of $5 a day); accepting
    // it sends that price to the real service, which answers with the true one, which the traveler accepts again.
    let intercepted = false;
    await page.route('**/api/bookings', async (route) => {
      if (intercepted || route.request().method() !== 'POST') {
        await route.continue();
        return;
      }
      intercepted = true;
      const shown = (route.request().postDataJSON() as { items: { expectedDailyPrice: number }[] }).items[0]!
        .expectedDailyPrice;
      await route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: '/problems/price-changed',
          title: 'Conflict',
          status: 409,
          detail:
            'A price changed since it was shown. Nothing was booked or charged: review the new price and book again.',
          errors: [{ in: 'body', field: 'items.0.expectedDailyPrice', message: 'the price changed' }],
          prices: [
            { position: 0, shown: { amount: shown, currency: 'USD' }, now: { amount: shown + 500, currency: 'USD' } },
          ],
        }),
      });
    });
    await page.goto(`/cars?location=DEN&pickupDate=${isoDaysFromNow(35)}&dropoffDate=${isoDaysFromNow(37)}`);
    await page
      .getByTestId('car-result')
      .first()
      .getByRole('link', { name: /^Book the / })
      .click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    const before = await page.getByTestId('checkout-total').innerText();
    await page.getByLabel('Date of birth').fill('1985-01-02');
    await page.getByLabel("Driver's licence number").fill('D1234567');
    await fillPayment(page);
    await page.getByRole('button', { name: 'Book and pay' }).click();

    await page.getByTestId('price-changed').waitFor();
    await shot('price changed');
    await page.getByRole('button', { name: 'Book at the new price' }).click();
    // The real service refuses the made-up price and names the true one; the total follows each accepted price.
    await expect.poll(() => page.getByTestId('checkout-total').innerText(), PATIENTLY).not.toBe(before);
    await page.getByRole('button', { name: 'Book at the new price' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await shot('booked at the accepted price');
    expect(await bookingsOf(user)).toMatchObject([{ status: 'confirmed' }]);
  });
});
