import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Identity } from '@tripwise/platform/auth';
import { searchMyListings } from '../src/domain/listings/listing-queries.use-case.ts';
import { getListing, removeListing, updateListingAs } from '../src/domain/listings/manage-listings.use-case.ts';
import { givenASearchService } from './given-search-data.ts';

// Admin powers over listings need the second factor in the use cases too, not only on the routes in front of them.
let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

const adminWithPasswordOnly: Identity = {
  userId: randomUUID(),
  sessionId: randomUUID(),
  tokenId: randomUUID(),
  role: 'admin',
  amr: ['pwd'],
  authTime: undefined,
  expiresAt: Math.floor(Date.now() / 1000) + 300,
};
const nothing = async () => undefined;

async function anOwnersPendingHotel(): Promise<string> {
  const { rows } = await service.db.query<{ id: number }>(
    `INSERT INTO hotels (name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths, policies, owner_id, status)
     VALUES ('Pending Lodge', 'DEN', 'Denver', 'US', 'a', 'b', 39.7, -105, 3, 80, '{}', $1, 'pending') RETURNING id`,
    [randomUUID()],
  );
  return String(rows[0]!.id);
}

describe('listings: admin powers without the second factor', () => {
  test('When an admin signed in with a password only approves, reads, lists or removes an owner’s listing, then each is refused (403 mfa-required)', async () => {
    const id = await anOwnersPendingHotel();
    const attempts = [
      () => updateListingAs(service.db, adminWithPasswordOnly, 'hotels', id, { status: 'active' }, nothing, nothing),
      () => getListing(service.db, adminWithPasswordOnly, 'hotels', id),
      () =>
        searchMyListings(
          service.db,
          adminWithPasswordOnly,
          'hotels',
          { sort: 'updatedAt', order: 'desc', limit: 5 },
          async () => new Map(),
        ),
      () => removeListing(service.db, adminWithPasswordOnly, 'hotels', id, nothing),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ status: 403, code: 'mfa-required' });
    }
    const { rows } = await service.db.query<{ status: string }>('SELECT status FROM hotels WHERE id = $1', [id]);
    expect(rows[0]!.status).toBe('pending');
  });
});
