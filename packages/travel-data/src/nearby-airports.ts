import { airportByCode } from './airports.ts';
import { BUSY_AIRPORTS } from './busy-airports.ts';
import { greatCircleKm } from './geo.ts';

/**
 * The busy airports (those with scheduled flights in the network) within `km` of an airport, itself first, then
 * by distance: SFO with 60 km is SFO, OAK and SJC.
 */
export function airportsNear(code: string, km: number): string[] {
  const at = airportByCode(code);
  if (!at) return [code];
  const near = BUSY_AIRPORTS.flatMap((other) => {
    const airport = airportByCode(other);
    if (!airport || other === code) return [];
    const distance = greatCircleKm(at, airport);
    return distance <= km ? [{ other, distance }] : [];
  });
  return [code, ...near.sort((a, b) => a.distance - b.distance).map((n) => n.other)];
}
