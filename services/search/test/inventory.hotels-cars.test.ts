import { BUSY_AIRPORTS, METRO_AREAS, airportByCode, greatCircleKm } from '@tripwise/travel-data';
import { describe, expect, test } from 'vitest';
import { generateCars } from '../src/domain/inventory/generate-cars.ts';
import { generateHotels } from '../src/domain/inventory/generate-hotels.ts';
import { CAR_CLASSES, HOTEL_AMENITIES } from '../src/domain/inventory/inventory.types.ts';
import { SMALL_SCALE, START, mean } from './inventory.fixtures.ts';

const hotels = [...generateHotels(SMALL_SCALE, 5)];
const cars = [...generateCars(SMALL_SCALE, 5, START)];
const busy = BUSY_AIRPORTS.slice(0, SMALL_SCALE.airports);
const airportsOfCity = (cityCode: string) => METRO_AREAS.find((m) => m.code === cityCode)?.airports ?? [cityCode];
const RENTAL_COMPANIES = [
  'Hertz',
  'Avis',
  'Enterprise',
  'Budget',
  'National',
  'Alamo',
  'Sixt',
  'Europcar',
  'Thrifty',
  'Dollar',
];

describe('generated hotels', () => {
  test('When hotels are generated, then there are exactly as many as the scale asks, in every busy city', () => {
    expect(hotels).toHaveLength(SMALL_SCALE.hotels);
    const cities = new Set(busy.map((code) => METRO_AREAS.find((m) => m.airports.includes(code))?.code ?? code));
    expect(new Set(hotels.map((h) => h.cityCode))).toEqual(cities);
  });

  test('When a hotel is placed, then it lies within a city drive of one of its city’s airports', () => {
    for (const h of hotels) {
      const nearest = Math.min(
        ...airportsOfCity(h.cityCode).flatMap((code) => {
          const airport = airportByCode(code);
          return airport && busy.includes(code) ? [greatCircleKm(airport, h)] : [];
        }),
      );
      expect(nearest, `${h.name} in ${h.city}`).toBeLessThan(60);
    }
  });

  test('When amenities are listed, then they come only from the ten known ones and richer hotels have more', () => {
    for (const h of hotels) {
      expect(HOTEL_AMENITIES).toEqual(expect.arrayContaining(h.amenities));
      expect(new Set(h.amenities).size).toBe(h.amenities.length);
    }
    const amenitiesAt = (stars: number) => mean(hotels.filter((h) => h.stars === stars).map((h) => h.amenities.length));
    expect(amenitiesAt(5)).toBeGreaterThan(amenitiesAt(3));
    expect(amenitiesAt(3)).toBeGreaterThan(amenitiesAt(1));
  });

  test('When ratings are compared by stars, then guests rate starrier hotels higher on average', () => {
    const ratingAt = (stars: number) => mean(hotels.filter((h) => h.stars === stars).map((h) => h.ratingTenths));
    expect(ratingAt(2)).toBeLessThan(ratingAt(3));
    expect(ratingAt(3)).toBeLessThan(ratingAt(4));
    expect(ratingAt(4)).toBeLessThan(ratingAt(5));
    for (const h of hotels) expect(h.ratingTenths).toBeGreaterThanOrEqual(0);
  });

  test('When policies are read, then they agree with the amenities and give times as HH:MM', () => {
    for (const h of hotels) {
      expect(h.policies.petsAllowed).toBe(h.amenities.includes('pet_friendly'));
      if (h.policies.breakfastIncluded) expect(h.amenities).toContain('breakfast');
      expect(h.policies.parking === 'none').toBe(!h.amenities.includes('parking'));
      expect(h.policies.refundWindowHours > 0).toBe(h.amenities.includes('free_cancellation'));
      expect(h.policies.checkInTime).toMatch(/^\d{2}:00$/);
      expect(h.policies.checkOutTime).toMatch(/^\d{2}:00$/);
    }
  });

  test('When room types are listed, then every hotel has two to four, and its prices follow its stars', () => {
    for (const h of hotels) {
      expect(h.roomTypes.length).toBeGreaterThanOrEqual(2);
      expect(h.roomTypes.length).toBeLessThanOrEqual(4);
      expect(new Set(h.roomTypes.map((r) => r.name)).size).toBe(h.roomTypes.length);
      for (const r of h.roomTypes) expect(r).toMatchObject({ capacity: expect.any(Number), units: expect.any(Number) });
    }
    const cheapestAt = (stars: number) =>
      mean(hotels.filter((h) => h.stars === stars).map((h) => h.roomTypes[0]!.nightlyPriceMinor));
    expect(cheapestAt(1)).toBeLessThan(cheapestAt(3));
    expect(cheapestAt(3)).toBeLessThan(cheapestAt(5));
  });

  test('When a city has many hotels, then no two share a name there', () => {
    const names = hotels.map((h) => `${h.cityCode}/${h.name}`);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('generated rental cars', () => {
  test('When cars are generated, then there are as many as asked, at every busy airport, by real companies', () => {
    expect(cars).toHaveLength(SMALL_SCALE.cars);
    expect(new Set(cars.map((c) => c.locationCode))).toEqual(new Set(busy));
    for (const c of cars) expect(RENTAL_COMPANIES).toContain(c.company);
  });

  test('When a car is classed, then its class is one the schema allows and luxury costs more than economy', () => {
    for (const c of cars) expect(CAR_CLASSES).toContain(c.carClass);
    const priceOf = (carClass: string) =>
      mean(cars.filter((c) => c.carClass === carClass).map((c) => c.dailyPriceMinor));
    expect(priceOf('luxury')).toBeGreaterThan(2 * priceOf('economy'));
  });

  test('When gearboxes are counted, then manuals are found outside North America only', () => {
    const northAmerican = (code: string) => ['United States', 'Canada'].includes(airportByCode(code)!.country);
    const manualShare = (list: typeof cars) => list.filter((c) => c.transmission === 'manual').length / list.length;
    expect(manualShare(cars.filter((c) => northAmerican(c.locationCode)))).toBe(0);
    expect(manualShare(cars.filter((c) => !northAmerican(c.locationCode)))).toBeGreaterThan(0.15);
  });

  test('When a car is described, then its year, seats, units and policies are plausible', () => {
    for (const c of cars) {
      expect(c.year).toBeGreaterThanOrEqual(2025);
      expect(c.year).toBeLessThanOrEqual(2027);
      expect(c.seats).toBeGreaterThanOrEqual(4);
      expect(c.units).toBeGreaterThan(0);
      expect(c.policies).toEqual({
        freeCancellationHours: expect.any(Number),
        mileage: expect.stringMatching(/^(unlimited|limited)$/),
        minimumDriverAge: expect.any(Number),
        fuelPolicy: expect.stringMatching(/^(full_to_full|same_to_same|prepaid)$/),
      });
    }
  });
});
