import { networkAirports } from './network-airports.ts';
import { planRoutes } from './route-frequencies.ts';

/**
 * Published facts the frequency model is calibrated against: daily nonstops each way, derived as CALIBRATION.md
 * explains (seats a year ÷ 365 ÷ 2 directions ÷ typical seats per flight, or flights counted directly).
 */
export const CALIBRATION_PAIRS: readonly { a: string; b: string; observed: number }[] = [
  { a: 'JFK', b: 'LAX', observed: 24 },
  { a: 'LGA', b: 'ORD', observed: 27 },
  { a: 'LAX', b: 'SFO', observed: 30 },
  { a: 'LAS', b: 'LAX', observed: 28 },
  { a: 'ATL', b: 'MCO', observed: 25 },
  { a: 'DEN', b: 'LAS', observed: 22 },
  { a: 'ATL', b: 'LGA', observed: 23 },
  { a: 'DEN', b: 'PHX', observed: 24 },
  { a: 'DEN', b: 'ORD', observed: 23 },
  { a: 'BOS', b: 'LGA', observed: 17 },
  { a: 'JFK', b: 'LHR', observed: 15 },
  { a: 'DXB', b: 'LHR', observed: 8 },
  { a: 'KUL', b: 'SIN', observed: 37 },
];

/** The generated network's daily nonstops each way on each calibration pair, at full frequencies. */
export function calibrationTable(): { a: string; b: string; observed: number; generated: number; carriers: string }[] {
  const routes = planRoutes(networkAirports(100), 1);
  return CALIBRATION_PAIRS.map(({ a, b, observed }) => {
    const route = routes.find((r) => r.from.code === a && r.to.code === b);
    const generated = (route?.carriers ?? []).reduce((sum, c) => sum + c.weekly, 0) / 7;
    const carriers = (route?.carriers ?? [])
      .map((c) => `${c.profile.airline.code} ${Math.round((c.weekly / 7) * 10) / 10}`)
      .join(', ');
    return { a, b, observed, generated: Math.round(generated * 10) / 10, carriers };
  });
}
