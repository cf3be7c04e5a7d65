import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenASearchService } from './given-search-data.ts';

// The service's clock is NOW (2030-01-10): 330 days ahead is 2030-12-06.
let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

const fieldOf = async (path: string) => {
  const res = await service.get(path);
  return [res.status, res.body?.errors?.[0]?.field];
};

describe('searches stay inside the booking window', () => {
  test('When a search starts more than 330 days ahead (or in the year 9999), then it is a 400 naming the date', async () => {
    expect(await fieldOf('/api/search/flights?origin=BOS&destination=DEN&date=2030-12-07')).toEqual([400, 'date']);
    expect(await fieldOf('/api/search/hotels?city=DEN&checkIn=9999-12-30&checkOut=9999-12-31')).toEqual([
      400,
      'checkIn',
    ]);
    expect(await fieldOf('/api/search/cars?location=DEN&pickupDate=2031-01-01&dropoffDate=2031-01-03')).toEqual([
      400,
      'pickupDate',
    ]);
    expect((await service.get('/api/search/hotels?city=DEN&checkIn=2030-12-05&checkOut=2030-12-06')).status).toBe(200);
  });

  test('When a stay is longer than 30 nights or a rental than 60 days, then it is a 400 naming the end date', async () => {
    expect(await fieldOf('/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-04-01')).toEqual([
      400,
      'checkOut',
    ]);
    expect(await fieldOf('/api/search/cars?location=DEN&pickupDate=2030-03-01&dropoffDate=2030-05-01')).toEqual([
      400,
      'dropoffDate',
    ]);
    expect((await service.get('/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-31')).status).toBe(200);
  });
});
