import type { Queryable } from '@tripwise/platform/db';
import type { CarRow } from './car-search.repository.ts';

/** A car as kept in memory: what a search row shows but the rental's figures, and how many units it has. */
export type LocationCarRow = Omit<CarRow, 'total_minor' | 'units_left' | 'total'> & { units: number };

export interface CarTakenDayRow {
  car_id: number;
  day: string;
  taken: number;
}

const LOCATION_CAR_IDS = `ARRAY(SELECT id FROM cars WHERE location_code = $1 AND status = 'active')`;

/** A pick-up place's active cars, by id, and the days from yesterday (UTC) on with some of them taken. */
export async function loadLocationCars(
  db: Queryable,
  code: string,
): Promise<{ cars: LocationCarRow[]; taken: CarTakenDayRow[] }> {
  const [cars, taken] = await Promise.all([
    db.query<LocationCarRow>(
      `SELECT id, company, location_code::text AS location_code, city, car_class, model, year, transmission, seats,
              units, daily_price_minor, policies
       FROM cars WHERE location_code = $1 AND status = 'active' ORDER BY id`,
      [code],
    ),
    db.query<CarTakenDayRow>(
      `SELECT car_id, day, taken FROM car_days
       WHERE car_id = ANY(${LOCATION_CAR_IDS}) AND day >= current_date - 2 AND taken > 0`,
      [code],
    ),
  ]);
  return { cars: cars.rows, taken: taken.rows };
}
