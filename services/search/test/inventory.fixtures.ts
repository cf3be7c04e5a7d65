import { fileURLToPath } from 'node:url';
import { airportByCode, greatCircleKm } from '@tripwise/travel-data';
import type { InventoryScale } from '../src/domain/inventory/inventory-scale.ts';

export const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));

/** A small network and window: enough variety to check realism, fast enough to generate in every test. */
export const SMALL_SCALE: InventoryScale = {
  name: 'test-small',
  days: 14,
  airports: 40,
  frequencyFactor: 0.05,
  hotels: 300,
  cars: 200,
};

/** Smaller still, for the tests that write to a database. */
export const TINY_SCALE: InventoryScale = {
  name: 'test-tiny',
  days: 5,
  airports: 20,
  frequencyFactor: 0.05,
  hotels: 80,
  cars: 60,
};

export const START = '2027-01-11';

export function kmBetween(from: string, to: string): number {
  return greatCircleKm(airportByCode(from)!, airportByCode(to)!);
}

export function timeZoneOf(code: string): string {
  return airportByCode(code)!.timeZone!;
}

/** The calendar date and HH:MM clocks show in `timeZone` at `instant`. */
export function localClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

export const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
