import { describe, expect, test } from 'vitest';
import { PATIENTLY, bookingsOf, fillPayment } from './booking-helpers.ts';
import { closeBrowsersAfterEach, openAsTraveler, openBrowser, seriousA11yViolations } from './browser.ts';
import { findConnectingDay, findRoundTrip, firstFromNearby } from './flight-helpers.ts';

closeBrowsersAfterEach();

const dollars = (text: string) => Number(/\$([\d,]+(?:\.\d+)?)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

describe('flights as people book them', () => {
  test('When a traveler chooses a departing flight, then a return that fits it, and books from the flight’s page, then checkout books the whole round trip at the price the card showed', async ({
    task,
  }) => {
    const trip = await findRoundTrip();
    const { user, page, shot } = await openAsTraveler(import.meta.filename, task.name);
    await page.goto(
      `/flights?origin=${trip.origin}&destination=${trip.destination}&date=${trip.date}&returnDate=${trip.returnDate}&passengers=1&cabin=economy`,
    );
    await page.getByRole('heading', { name: 'Choose your departing flight' }).waitFor();
    const outbounds = page.getByTestId('flight-result');
    await outbounds.first().waitFor();
    expect(await page.getByTestId('price-note').innerText()).toMatch(
      /per person, for the whole round trip, in US dollars/,
    );
    expect(await page.title()).toMatch(/^Choose your departing flight/);
    await shot('departing flights');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The second departing flight, so the test does not lean on the list's first place.
    const chosen = outbounds.nth(1);
    const chosenTimes = await chosen.getByTestId('itinerary-times').innerText();
    const chosenNumbers = await chosen.getByTestId('itinerary-flights').innerText();
    await chosen.getByRole('link', { name: /^Choose departing flight/ }).click();
    await page.getByRole('heading', { name: 'Choose your return flight' }).waitFor();
    expect(new URL(page.url()).searchParams.get('outboundId')).toBeTruthy();
    const summary = page.getByTestId('chosen-outbound');
    await expect.poll(() => summary.innerText(), PATIENTLY).toContain(chosenNumbers);
    expect(await summary.getByTestId('itinerary-times').innerText()).toBe(chosenTimes);

    // The returns: different flights, each priced as the whole round trip with the chosen departure.
    const returns = page.getByTestId('flight-result');
    await returns.first().waitFor();
    await expect.poll(() => page.locator('.result-list.updating').count(), PATIENTLY).toBe(0);
    const returnNumbers = await returns.getByTestId('itinerary-flights').allInnerTexts();
    expect(returnNumbers.length).toBeGreaterThan(1);
    expect(new Set(returnNumbers).size).toBe(returnNumbers.length);
    await shot('returns for the chosen departure');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Change the departure and come back: the summary follows.
    await page.getByRole('link', { name: 'Change departing flight' }).click();
    await page.getByRole('heading', { name: 'Choose your departing flight' }).waitFor();
    expect(new URL(page.url()).searchParams.get('outboundId')).toBeNull();
    await page.goBack();
    await page.getByRole('heading', { name: 'Choose your return flight' }).waitFor();

    const pick = returns.first();
    const price = dollars(await pick.locator('.price').innerText());
    const fares = await pick.getByTestId('fare-brief').innerText();
    const checkoutHref = (await pick.getByRole('link', { name: /^Select/ }).getAttribute('href'))!;
    const flightIds = new URLSearchParams(checkoutHref.split('?')[1]).getAll('flight');
    expect(flightIds.length).toBeGreaterThanOrEqual(2);

    // A flight's page opened from the card keeps the whole trip: its Select books every flight.
    await pick
      .getByRole('link', { name: /details$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Your trip: \d+ flights$/ }).waitFor();
    await expect.poll(() => page.getByTestId('trip-price').first().innerText(), PATIENTLY).toMatch(/^Whole trip: \$/);
    expect(dollars(await page.getByTestId('trip-price').first().innerText())).toBe(price);
    await shot('a flight of the trip');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /^Select Economy for the whole trip/ }).click();

    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    const lines = page.locator('.summary-lines li');
    await expect.poll(() => lines.count(), PATIENTLY).toBe(flightIds.length);
    expect(dollars(await page.getByTestId('fares-per-person').innerText())).toBe(price);
    // The card's fare rule is each flight's rule at checkout.
    const rules = await lines.locator('.small').allInnerTexts();
    if (fares === 'Refundable') expect(rules.every((r) => r.startsWith('Refundable'))).toBe(true);
    if (fares === 'Non-refundable') expect(rules.every((r) => r.startsWith('Non-refundable'))).toBe(true);
    await page.getByLabel('Date of birth').fill('1990-05-17');
    await fillPayment(page);
    await shot('checkout of the round trip');
    await page.getByRole('button', { name: 'Book and pay' }).click();
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await shot('booked');
    expect(await bookingsOf(user)).toMatchObject([{ status: 'confirmed' }]);
  });

  test('When a day has connections, then each shows its layovers, and the stops and connecting-airport filters narrow the list', async ({
    task,
  }) => {
    const day = await findConnectingDay();
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    await page.goto(`/flights?origin=${day.origin}&destination=${day.destination}&date=${day.date}&sort=price`);
    const cards = page.getByTestId('flight-result');
    await cards.first().waitFor();
    const connecting = cards.filter({ has: page.getByTestId('itinerary-stops').getByText(/^1 stop: /) }).first();
    await connecting.waitFor();
    const stopsText = await connecting.getByTestId('itinerary-stops').innerText();
    const [, layoverAirport] = /in ([A-Z]{3})/.exec(stopsText)!;
    await connecting.getByText('Flight details and layovers').click();
    const layover = connecting.locator('.layover');
    await expect
      .poll(() => layover.first().innerText(), PATIENTLY)
      .toMatch(new RegExp(`^\\d+h \\d{2}m layover in .*\\(${layoverAirport}\\)`));
    await open.shot('a connection with its layover');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The boxes show what the address says, and the address changes as the click navigates: click, then wait.
    await page.getByRole('radio', { name: /^Nonstop only/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('maxStops'), PATIENTLY).toBe('0');
    // The list may not have begun updating when the address changes: wait for what it shows, not for a class.
    const stops = () => page.getByTestId('itinerary-stops').allInnerTexts();
    await expect.poll(async () => (await stops()).filter((s) => s !== 'Nonstop'), PATIENTLY).toEqual([]);
    expect((await stops()).length).toBeGreaterThan(0);
    await open.shot('nonstop only');

    await page.getByRole('radio', { name: 'Any number of stops' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('maxStops'), PATIENTLY).toBeNull();
    await page.getByRole('checkbox', { name: new RegExp(`\\(${day.via}\\)|^${day.via}`) }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('via'), PATIENTLY).toBe(day.via);
    await expect.poll(() => new URL(page.url()).searchParams.get('maxStops'), PATIENTLY).toBeNull();
    await expect
      .poll(async () => (await stops()).filter((s) => s !== 'Nonstop' && !s.includes(`in ${day.via}`)), PATIENTLY)
      .toEqual([]);
    expect((await stops()).some((s) => s.includes(day.via))).toBe(true);
    await open.shot(`connecting only in ${day.via}`);
  });

  test('When a traveler searches a whole city, then flights from its airports are listed with the airport each uses, and nearby airports can be added', async ({
    task,
  }) => {
    const open = await openBrowser(import.meta.filename, task.name);
    const { page } = open;
    const date = new Date(Date.now() + 18 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/flights?origin=NYC&destination=LAX&date=${date}&sort=price`);
    await page.getByTestId('flight-result').first().waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Airports in this search' }).innerText(), PATIENTLY)
      .toContain('Leaving from any New York airport (JFK, LGA and EWR)');
    const airports = await page.getByTestId('itinerary-airports').allInnerTexts();
    const used = new Set(airports.map((a) => /\((JFK|LGA|EWR)\) →/.exec(a)?.[1]));
    expect(used.has(undefined)).toBe(false);
    expect(used.size).toBeGreaterThan(1);
    await open.shot('new york airports');

    // Nearby airports: San Francisco with airports within 100 km (Oakland, San Jose).
    const trip = { origin: 'SFO', destination: 'LAX', date };
    const nearby = await firstFromNearby(trip, 100);
    await page.goto(`/flights?origin=SFO&destination=LAX&date=${date}&sort=price`);
    await page.getByTestId('flight-result').first().waitFor();
    await page.getByLabel('Also leave from airports near SFO').selectOption('100');
    await expect.poll(() => new URL(page.url()).searchParams.get('originRadiusKm'), PATIENTLY).toBe('100');
    await expect
      .poll(() => page.getByRole('list', { name: 'Airports in this search' }).innerText(), PATIENTLY)
      .toContain('or another airport within 100 km');
    const from = page.getByTestId('itinerary-airports').filter({ hasText: `(${nearby.airport}) →` });
    for (let more = 0; more < 5 && (await from.count()) === 0; more++) {
      await page.getByRole('button', { name: 'Show more flights' }).click();
      await expect.poll(() => page.getByTestId('flight-result').count(), PATIENTLY).toBeGreaterThan(20 * (more + 1));
    }
    await from.first().scrollIntoViewIfNeeded();
    expect(await from.count()).toBeGreaterThan(0);
    await open.shot(`a flight from ${nearby.airport}`);
    // The pages shown are in the address too: a reload shows as many.
    const shown = await page.getByTestId('flight-result').count();
    await page.reload();
    await expect.poll(() => page.getByTestId('flight-result').count(), PATIENTLY).toBe(shown);
  });
});
