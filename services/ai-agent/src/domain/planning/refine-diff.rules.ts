import type { Bundle } from './bundle.types.ts';
import { legsOf } from './bundle.types.ts';

const dollars = (minor: number) => `$${Math.round(Math.abs(minor) / 100).toLocaleString('en-US')}`;
const minutesOfDay = (local: string) => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));

/**
 * What changed between the previous pick and the new one, in the traveler's terms: "+$38", "earlier departure",
 * "20 min longer", "now nonstop", "different hotel: …".
 */
export function changesBetween(previous: Bundle, next: Bundle): string[] {
  const changes: string[] = [];
  const delta = next.total.amount - previous.total.amount;
  if (delta !== 0) changes.push(`${delta > 0 ? '+' : '−'}${dollars(delta)}`);
  if (previous.flight && next.flight) {
    const [a, b] = [legsOf(previous.flight)[0]!, legsOf(next.flight)[0]!];
    if (a.id !== b.id) {
      const shift = minutesOfDay(b.departLocal) - minutesOfDay(a.departLocal);
      if (shift !== 0) changes.push(shift < 0 ? 'earlier departure' : 'later departure');
      const longer =
        legsOf(next.flight).reduce((s, l) => s + l.durationMin, 0) -
        legsOf(previous.flight).reduce((s, l) => s + l.durationMin, 0);
      if (longer !== 0) changes.push(`${Math.abs(longer)} min ${longer > 0 ? 'longer' : 'shorter'}`);
      const stops = (f: Bundle['flight']) => Math.max(...legsOf(f!).map((l) => l.stops));
      if (stops(next.flight) === 0 && stops(previous.flight) > 0) changes.push('now nonstop');
      if (stops(next.flight) > 0 && stops(previous.flight) === 0) changes.push('now with a stop');
      if (a.airline.code !== b.airline.code) changes.push(`${b.airline.name} instead of ${a.airline.name}`);
    }
  }
  if (previous.hotel && next.hotel && previous.hotel.id !== next.hotel.id) {
    changes.push(`different hotel: ${next.hotel.name}`);
  }
  if (previous.car && next.car && previous.car.id !== next.car.id) {
    changes.push(`different car: ${next.car.company} ${next.car.carClass}`);
  }
  return changes.length > 0 ? changes : ['same pick'];
}
