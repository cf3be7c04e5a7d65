import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aDenverHotelListing, givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

const hotel = (name: string) => aDenverHotelListing(name);

const inSearch = async (id: string) => {
  const res = await service.get('/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-02&limit=100');
  return res.body.items.find((h: { id: string }) => h.id === id) as { name: string } | undefined;
};

async function givenALiveHotel(name = `Lodge ${randomUUID().slice(0, 8)}`) {
  const ownerId = randomUUID();
  const owner = await service.token('owner', ownerId);
  const admin = await service.token('admin');
  const created = await service.as(owner, 'POST', '/api/listings/hotels', hotel(name));
  const approved = await service.as(admin, 'POST', `/api/listings/hotels/${created.body.id}/decision`, {
    action: 'approve',
  });
  expect(approved).toMatchObject({ status: 200, body: { status: 'active', review: { status: 'approved' } } });
  return { ownerId, owner, admin, id: created.body.id as string, listing: approved.body };
}

describe('POST /api/listings/:kind/:id/decision', () => {
  test('When an admin rejects a new listing with a note, then its owner reads the status and the note', async () => {
    const owner = await service.token('owner', randomUUID());
    const admin = await service.token('admin');
    const { body } = await service.as(owner, 'POST', '/api/listings/hotels', hotel('Rejected Inn'));
    const res = await service.as(admin, 'POST', `/api/listings/hotels/${body.id}/decision`, {
      action: 'reject',
      note: 'The photos show another hotel.',
    });
    expect(res).toMatchObject({ status: 200, body: { status: 'rejected' } });
    const mine = await service.as(owner, 'GET', `/api/listings/hotels/${body.id}`);
    expect(mine.body).toMatchObject({
      status: 'rejected',
      review: { status: 'rejected', note: 'The photos show another hotel.', decidedAt: expect.any(String) },
    });
  });

  test('When a rejection or suspension has no note, or a transition is impossible, then 400 naming note or 409', async () => {
    const { id, admin } = await givenALiveHotel();
    const noNote = await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, { action: 'suspend' });
    expect(noNote).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'note' })] } });
    const again = await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, { action: 'approve' });
    expect(again).toMatchObject({ status: 409, body: { type: '/problems/invalid-transition' } });
  });

  test('When an admin suspends a live listing, then it leaves search at once, and comes back when reinstated', async () => {
    const { id, admin, owner } = await givenALiveHotel();
    expect(await inSearch(id)).toBeDefined();
    const suspended = await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, {
      action: 'suspend',
      note: 'Guests report it closed.',
    });
    expect(suspended.body).toMatchObject({ status: 'suspended', review: { note: 'Guests report it closed.' } });
    expect(await inSearch(id)).toBeUndefined();
    expect((await service.as(owner, 'POST', `/api/listings/hotels/${id}/resume`)).status).toBe(409);
    await service.as(admin, 'POST', `/api/listings/hotels/${id}/decision`, { action: 'reinstate' });
    expect(await inSearch(id)).toBeDefined();
  });

  test('When an owner calls a decision, then 403; another owner cannot pause it (404)', async () => {
    const { id, owner } = await givenALiveHotel();
    expect(
      (await service.as(owner, 'POST', `/api/listings/hotels/${id}/decision`, { action: 'suspend', note: 'x' })).status,
    ).toBe(403);
    const stranger = await service.token('owner', randomUUID());
    expect((await service.as(stranger, 'POST', `/api/listings/hotels/${id}/pause`)).status).toBe(404);
  });
});

describe('POST /api/listings/:kind/:id/pause and /resume', () => {
  test('When the owner pauses a live listing, then it leaves search; resumed, it is back without review', async () => {
    const { id, owner } = await givenALiveHotel();
    expect(await service.as(owner, 'POST', `/api/listings/hotels/${id}/pause`)).toMatchObject({
      status: 200,
      body: { status: 'paused' },
    });
    expect(await inSearch(id)).toBeUndefined();
    expect((await service.as(owner, 'POST', `/api/listings/hotels/${id}/pause`)).body.type).toBe(
      '/problems/not-pausable',
    );
    expect((await service.as(owner, 'POST', `/api/listings/hotels/${id}/resume`)).body.status).toBe('active');
    expect(await inSearch(id)).toBeDefined();
  });
});

describe('changes to an approved listing', () => {
  test('When the owner renames a live hotel, then the approved name stays live until an admin approves the change', async () => {
    const { id, owner, admin, listing } = await givenALiveHotel('Old Name Lodge');
    const room = listing.rooms[0];
    const edit = await service.as(owner, 'PATCH', `/api/listings/hotels/${id}`, {
      name: 'New Name Lodge',
      policies: { ...listing.policies, petsAllowed: true },
      rooms: [{ id: room.id, name: room.name, capacity: room.capacity, units: 12, nightlyPrice: 19_000 }],
    });
    expect(edit).toMatchObject({
      status: 200,
      body: {
        name: 'Old Name Lodge',
        rooms: [{ units: 12, nightlyPrice: { amount: 19_000 } }], // prices and units go live at once
        pendingChange: {
          proposed: { name: 'New Name Lodge', policies: { petsAllowed: true } },
          changedFields: ['name', 'policies.petsAllowed'],
        },
      },
    });
    expect((await inSearch(id))?.name).toBe('Old Name Lodge');
    expect((await service.as(owner, 'GET', '/api/listings/summary')).body.changesWaiting).toBe(1);

    const queue = await service.as(admin, 'GET', '/api/listings/review-queue?type=change&limit=100');
    expect(queue.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          type: 'change',
          live: expect.objectContaining({ name: 'Old Name Lodge' }),
          proposed: expect.objectContaining({ name: 'New Name Lodge' }),
          changedFields: ['name', 'policies.petsAllowed'],
        }),
      ]),
    );
    const decided = await service.as(admin, 'POST', '/api/listings/review-queue/decisions', {
      decisions: [{ kind: 'hotels', id, action: 'approve' }],
    });
    expect(decided.body.results).toMatchObject([
      { id, ok: true, listing: { name: 'New Name Lodge', pendingChange: null } },
    ]);
    expect((await inSearch(id))?.name).toBe('New Name Lodge');
  });

  test('When a patch leaves out amenities and the description, then they are kept as they were', async () => {
    const owner = await service.token('owner', randomUUID());
    const { body } = await service.as(owner, 'POST', '/api/listings/hotels', hotel('Kept Inn'));
    const res = await service.as(owner, 'PATCH', `/api/listings/hotels/${body.id}`, { stars: 5 });
    expect(res.body).toMatchObject({ stars: 5, amenities: ['wifi'], description: 'Quiet rooms near Union Station.' });
  });

  test('When a description carries markup, then it is stored as plain text', async () => {
    const owner = await service.token('owner', randomUUID());
    const res = await service.as(owner, 'POST', '/api/listings/hotels', {
      ...hotel('Markup Inn'),
      description: '<b>Best</b> <script>alert(1)</script>view <a href="https://x.test">here</a>',
    });
    expect(res.body.description).toBe('Best alert(1) view here');
  });

  test('When a bulk decision mixes good and impossible ones, then each reports its own outcome', async () => {
    const owner = await service.token('owner', randomUUID());
    const admin = await service.token('admin');
    const fresh = await service.as(owner, 'POST', '/api/listings/hotels', hotel('Bulk Inn'));
    const { id: live } = await givenALiveHotel();
    const res = await service.as(admin, 'POST', '/api/listings/review-queue/decisions', {
      decisions: [
        { kind: 'hotels', id: fresh.body.id, action: 'approve' },
        { kind: 'hotels', id: live, action: 'approve' },
        { kind: 'cars', id: '999999999', action: 'reject', note: 'gone' },
      ],
    });
    expect(res).toMatchObject({
      status: 200,
      body: {
        results: [
          { id: fresh.body.id, ok: true, listing: { status: 'active' } },
          { id: live, ok: false, problem: { status: 409 } },
          { id: '999999999', ok: false, problem: { status: 404 } },
        ],
      },
    });
  });
});

describe('GET /api/listings/:kind/:id/history', () => {
  test('When a listing was created, approved and paused, then its history tells who did what, newest first', async () => {
    const { id, owner, ownerId } = await givenALiveHotel();
    await service.as(owner, 'POST', `/api/listings/hotels/${id}/pause`);
    const res = await service.as(owner, 'GET', `/api/listings/hotels/${id}/history?limit=2`);
    expect(res).toMatchObject({
      status: 200,
      body: {
        items: [
          { action: 'paused', actor: { id: ownerId, role: 'owner' } },
          { action: 'approved', actor: { role: 'admin' } },
        ],
        nextCursor: expect.any(String),
      },
    });
    const rest = await service.as(owner, 'GET', `/api/listings/hotels/${id}/history?cursor=${res.body.nextCursor}`);
    expect(rest.body.items).toMatchObject([{ action: 'created' }]);
  });
});

describe('POST /internal/owners/:ownerId/deleted', () => {
  test("When an owner's account is deleted, then their live listings are suspended with a note and leave search", async () => {
    const { id, ownerId, owner, admin } = await givenALiveHotel();
    const waiting = await service.as(owner, 'POST', '/api/listings/hotels', hotel('Waiting Inn'));
    const res = await service.internal('POST', `/internal/owners/${ownerId}/deleted`);
    expect(res).toMatchObject({ status: 200, body: { suspended: 1, rejected: 1 } });
    expect(await inSearch(id)).toBeUndefined();
    const live = await service.as(admin, 'GET', `/api/listings/hotels/${id}`);
    expect(live.body).toMatchObject({ status: 'suspended', review: { note: 'owner account deleted' } });
    expect((await service.as(admin, 'GET', `/api/listings/hotels/${waiting.body.id}`)).body.status).toBe('rejected');
    const again = await service.internal('POST', `/internal/owners/${ownerId}/deleted`);
    expect(again.body).toEqual({ suspended: 0, rejected: 0 });
    expect((await service.internal('POST', `/internal/owners/${ownerId}/deleted`, undefined, null)).status).toBe(401);
  });
});
