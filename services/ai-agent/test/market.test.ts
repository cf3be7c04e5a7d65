import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prng } from '@tripwise/search/testing';
import { dealOf } from '../src/domain/market/deal.rules.ts';
import { priceEventSchema } from '../src/domain/market/price-event.ts';
import { givenAnAgentOnSearch, recordEvents, type Agent, type AgentWorld } from './given-an-agent.ts';

// Deals and watches from search's real feed of price events: events are written where search writes them
// (its price_events table, or by its market), and the agent reads them over HTTP as in production.
let world: AgentWorld;
let search: AgentWorld['search'];
let issuer: AgentWorld['issuer'];
let agent: Agent;

beforeAll(async () => {
  world = await givenAnAgentOnSearch({ flights: 40, hotels: 15, cars: 10 }, { sample: 500, random: prng(5) });
  ({ search, issuer, agent } = world);
  await agent.service.priceFeed.poll(); // a first start begins at the newest event
});
afterAll(() => world.close());

let nextListing = 900_000;
/** A price change as search's market announces it, written to its feed. */
async function priceEvent(fields: {
  kind: 'flight' | 'room' | 'car';
  listingId?: string;
  unit?: string;
  newPrice: number;
  avg30?: number | null;
  basePrice?: number;
  reason?: string;
  context?: Record<string, unknown>;
}) {
  const event = {
    kind: fields.kind,
    listingId: fields.listingId ?? String(nextListing++),
    unit: fields.unit ?? (fields.kind === 'flight' ? 'economy' : ''),
    oldPrice: 10_000,
    newPrice: fields.newPrice,
    basePrice: fields.basePrice ?? 10_000,
    avg30: fields.avg30 === undefined ? 10_000 : fields.avg30,
    currency: 'USD',
    reason: fields.reason ?? 'drift',
    at: new Date().toISOString(),
    context: fields.context ?? {
      origin: 'BOS',
      destination: 'DEN',
      date: '2030-03-01',
      airline: 'UA',
      flightNumber: '9',
      refundable: true,
      left: 40,
    },
  };
  const { rows } = await search.db.query<{ id: number }>('INSERT INTO price_events (event) VALUES ($1) RETURNING id', [
    JSON.stringify(event),
  ]);
  return { ...event, id: rows[0]!.id };
}
const deals = async (query = '') => (await agent.call(null, 'GET', `/api/ai/deals${query}`)).body.items as any[];

describe('deals', () => {
  test('When prices fall well below their average, run short or go on promotion, then they are listed as deals, best first', async () => {
    const cheap = await priceEvent({
      kind: 'flight',
      newPrice: 7_000,
      context: {
        origin: 'BOS',
        destination: 'DEN',
        date: '2030-03-01',
        airline: 'UA',
        flightNumber: '9',
        refundable: true,
        left: 3,
      },
    });
    await priceEvent({
      kind: 'room',
      newPrice: 9_500,
      context: { hotelId: 1, name: 'H', room: 'King', city: 'DEN', amenities: ['pet_friendly'] },
    });
    const promo = await priceEvent({
      kind: 'car',
      newPrice: 9_000,
      avg30: null,
      reason: 'promotion',
      context: { company: 'Hertz', carClass: 'suv', location: 'DEN', freeCancellationHours: 24 },
    });
    await agent.service.priceFeed.poll();
    const listed = await deals('?city=DEN');
    expect(listed.map((d) => d.listingId)).toEqual([cheap.listingId, promo.listingId]);
    // 30% below the average (score 1 + 3), and only 3 seats left (+1).
    expect(listed[0]).toMatchObject({
      score: 5,
      discountPct: 30,
      reasons: ['below-average', 'scarce'],
      tags: ['refundable'],
    });
    expect(listed[1]).toMatchObject({
      score: 2,
      reasons: ['promotion'],
      tags: ['refundable'],
      usualPrice: { amount: 10_000 },
    });
    expect((await deals('?kind=car&city=DEN')).map((d) => d.listingId)).toEqual([promo.listingId]);
  });

  test('When a deal’s price rises back, then it leaves the list', async () => {
    const drop = await priceEvent({ kind: 'flight', newPrice: 8_000 });
    await agent.service.priceFeed.poll();
    expect((await deals()).map((d) => d.listingId)).toContain(drop.listingId);
    await priceEvent({ kind: 'flight', listingId: drop.listingId, newPrice: 10_500 });
    await agent.service.priceFeed.poll();
    expect((await deals()).map((d) => d.listingId)).not.toContain(drop.listingId);
  });

  test('When a subscriber is connected, then a new strong deal in their city reaches them at once, and others do not', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    expect((await agent.call(token, 'PUT', '/api/ai/deals/subscription', { cities: ['SEA'] })).status).toBe(200);
    const socket = await agent.connect(token);
    const heard: any[] = [];
    socket.on('deal:new', (deal) => heard.push(deal));
    const seattle = await priceEvent({
      kind: 'flight',
      newPrice: 6_000,
      context: { origin: 'BOS', destination: 'SEA', date: '2030-03-01', airline: 'AS', flightNumber: '1', left: 50 },
    });
    await priceEvent({
      kind: 'flight',
      newPrice: 6_000,
      context: { origin: 'BOS', destination: 'LAX', date: '2030-03-01', airline: 'AS', flightNumber: '2', left: 50 },
    });
    await priceEvent({
      kind: 'flight',
      newPrice: 8_400,
      context: { origin: 'BOS', destination: 'SEA', date: '2030-03-01', airline: 'AS', flightNumber: '3', left: 50 },
    });
    await agent.service.priceFeed.poll();
    await expect.poll(() => heard.map((d) => d.listingId)).toEqual([seattle.listingId]);
    expect((await agent.call(token, 'DELETE', '/api/ai/deals/subscription')).status).toBe(204);
  });

  test('When search’s own market moves prices, then exactly the moves that are deals become deals', async () => {
    await search.kv.del('search:price-market-lock');
    const moved = await search.search.priceMarket.tick();
    expect(moved.length).toBeGreaterThan(0);
    await agent.service.priceFeed.poll();
    const listed = await deals('?limit=100');
    for (const event of moved) {
      const expected = dealOf(priceEventSchema.parse(event));
      const found = listed.find(
        (d) => d.listingId === event.listingId && d.unit === event.unit && d.kind === event.kind,
      );
      if (expected && listed.length < 100) expect(found).toMatchObject({ score: expected.score });
      if (!expected) expect(found).toBeUndefined();
    }
  });
});

describe('watches', () => {
  test('When a route’s price crosses below the threshold, then the watcher is alerted once per crossing', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const created = await agent.call(token, 'POST', '/api/ai/watches', {
      target: { type: 'route', origin: 'BOS', destination: 'DEN', date: '2030-04-01' },
      priceBelow: { amount: 20_000, currency: 'USD' },
    });
    expect(created.status).toBe(201);
    const socket = await agent.connect(token);
    const alerts: any[] = [];
    socket.on('watch:alert', (a) => alerts.push(a));
    const route = { origin: 'BOS', destination: 'DEN', date: '2030-04-01', airline: 'UA', flightNumber: '7', left: 30 };
    const flight = String(nextListing++);
    for (const price of [25_000, 19_000, 18_000, 26_000, 15_000]) {
      await priceEvent({ kind: 'flight', listingId: flight, newPrice: price, context: route });
      await agent.service.priceFeed.poll();
    }
    await expect.poll(() => alerts.map((a) => a.price.amount)).toEqual([19_000, 15_000]);
    expect(alerts[0]).toMatchObject({ watchId: created.body.id, message: expect.stringContaining('below your $200') });
  });

  test('When the watcher is offline as it fires, then the alert waits and arrives on their next connection', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const car = String(nextListing++);
    await agent.call(token, 'POST', '/api/ai/watches', {
      target: { type: 'listing', kind: 'car', listingId: car },
      priceBelow: { amount: 5_000, currency: 'USD' },
    });
    await priceEvent({
      kind: 'car',
      listingId: car,
      newPrice: 4_500,
      context: { company: 'Avis', carClass: 'compact', location: 'DEN' },
    });
    await agent.service.priceFeed.poll();
    expect((await agent.call(token, 'GET', '/api/ai/alerts')).body.items).toMatchObject([
      { delivered: false, price: { amount: 4_500 } },
    ]);
    let recorder: ReturnType<typeof recordEvents> | undefined;
    await agent.connect(token, undefined, (socket) => (recorder = recordEvents(socket)));
    await expect.poll(() => recorder!.events.filter((e) => e.event === 'watch:alert').length).toBe(1);
    expect((await agent.call(token, 'GET', '/api/ai/alerts')).body.items).toMatchObject([{ delivered: true }]);
  });

  test('When the traveler asks in chat to be told of a drop, then their bundle is watched and a drop in one of its flights alerts them', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const socket = await agent.connect(token);
    const recorder = recordEvents(socket);
    const first = await agent.call(token, 'POST', '/api/ai/chat', {
      message: 'Boston to Denver March 1 2030, back March 5, hotel',
    });
    const plan = await recorder.until('plan:result', first.body.jobId);
    const pick = plan.bundles[0];
    const threshold = pick.total.amount - 1_000;
    const ask = await agent.call(token, 'POST', '/api/ai/chat', {
      sessionId: first.body.sessionId,
      message: `tell me if it drops below $${Math.floor(threshold / 100)}`,
    });
    const answer = await recorder.until('plan:result', ask.body.jobId);
    expect(answer).toMatchObject({ kind: 'watching' });
    const watches = (await agent.call(token, 'GET', '/api/ai/watches')).body.items;
    expect(watches[0].target).toEqual({ type: 'bundle', bundleId: pick.id });
    const leg = 'outbound' in pick.flight ? pick.flight.outbound : pick.flight;
    await priceEvent({
      kind: 'flight',
      listingId: leg.id,
      newPrice: leg.price.amount - 2_000,
      context: { origin: 'BOS', destination: 'DEN', date: '2030-03-01', left: 20 },
    });
    await agent.service.priceFeed.poll();
    await expect.poll(() => recorder.events.filter((e) => e.event === 'watch:alert').length).toBe(1);
  });

  test('When a watch is invalid or not theirs, then 400 naming the field, or 404', async () => {
    const token = await issuer.sign({ role: 'traveler' });
    const bad = await agent.call(token, 'POST', '/api/ai/watches', {
      target: { type: 'route', origin: 'Boston', destination: 'DEN', date: '2030-04-01' },
      priceBelow: { amount: 100, currency: 'USD' },
    });
    expect(bad.body.errors[0].field).toBe('target.origin');
    const none = await agent.call(token, 'POST', '/api/ai/watches', {
      target: { type: 'listing', kind: 'car', listingId: '1' },
    });
    expect(none.body.errors[0].field).toBe('priceBelow');
    expect(
      (
        await agent.call(token, 'POST', '/api/ai/watches', {
          target: { type: 'bundle', bundleId: randomUUID() },
          inventoryBelow: 2,
        })
      ).status,
    ).toBe(404);
    expect((await agent.call(token, 'DELETE', `/api/ai/watches/${randomUUID()}`)).status).toBe(404);
    expect((await agent.call(null, 'GET', '/api/ai/watches')).status).toBe(401);
  });
});

describe('managing watches and deal alerts', () => {
  test('When a traveler lowers a watch’s threshold, then it is listed with the new one and alerts by it; deleted, it is gone', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const car = String(nextListing++);
    const created = await agent.call(token, 'POST', '/api/ai/watches', {
      target: { type: 'listing', kind: 'car', listingId: car },
      priceBelow: { amount: 5_000, currency: 'USD' },
      label: 'Toyota RAV4 from Avis at DEN',
    });

    const changed = await agent.call(token, 'PATCH', `/api/ai/watches/${created.body.id}`, {
      priceBelow: { amount: 4_000, currency: 'USD' },
    });

    expect(changed).toMatchObject({ status: 200, body: { id: created.body.id, priceBelow: { amount: 4_000 } } });
    expect((await agent.call(token, 'GET', '/api/ai/watches')).body.items).toMatchObject([
      { id: created.body.id, target: { label: 'Toyota RAV4 from Avis at DEN' }, priceBelow: { amount: 4_000 } },
    ]);
    const context = { company: 'Avis', carClass: 'compact', location: 'DEN' };
    await priceEvent({ kind: 'car', listingId: car, newPrice: 4_500, context });
    await agent.service.priceFeed.poll();
    expect((await agent.call(token, 'GET', '/api/ai/alerts')).body.items).toEqual([]);
    await priceEvent({ kind: 'car', listingId: car, newPrice: 3_900, context });
    await agent.service.priceFeed.poll();
    expect((await agent.call(token, 'GET', '/api/ai/alerts')).body.items).toMatchObject([
      { price: { amount: 3_900 }, message: expect.stringContaining('Toyota RAV4 from Avis at DEN') },
    ]);
    expect((await agent.call(token, 'DELETE', `/api/ai/watches/${created.body.id}`)).status).toBe(204);
    expect((await agent.call(token, 'GET', '/api/ai/watches')).body.items).toEqual([]);
  });

  test('When a watch change is invalid or not theirs, then 400 naming the field, or 404', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const created = await agent.call(token, 'POST', '/api/ai/watches', {
      target: { type: 'route', origin: 'BOS', destination: 'DEN', date: '2030-04-02' },
      priceBelow: { amount: 20_000, currency: 'USD' },
    });
    const path = `/api/ai/watches/${created.body.id}`;
    expect(
      (await agent.call(token, 'PATCH', path, { priceBelow: { amount: -5, currency: 'USD' } })).body.errors[0].field,
    ).toBe('priceBelow.amount');
    expect((await agent.call(token, 'PATCH', path, { priceBelow: null })).body.errors[0].field).toBe('priceBelow');
    const stranger = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    expect((await agent.call(stranger, 'PATCH', path, { priceBelow: { amount: 100, currency: 'USD' } })).status).toBe(
      404,
    );
  });

  test('When a traveler subscribes to deal alerts, then they can read the subscription back, and after stopping it is gone', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    expect(await agent.call(token, 'GET', '/api/ai/deals/subscription')).toMatchObject({
      status: 200,
      body: { subscribed: false },
    });
    await agent.call(token, 'PUT', '/api/ai/deals/subscription', { cities: ['DEN'], kinds: ['room'] });

    const read = await agent.call(token, 'GET', '/api/ai/deals/subscription');

    expect(read).toMatchObject({
      status: 200,
      body: { subscribed: true, cities: ['DEN'], kinds: ['room'], minScore: 3 },
    });
    expect((await agent.call(token, 'DELETE', '/api/ai/deals/subscription')).status).toBe(204);
    expect((await agent.call(token, 'GET', '/api/ai/deals/subscription')).body).toEqual({ subscribed: false });
  });
});
