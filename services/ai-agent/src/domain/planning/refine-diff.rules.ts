import type { Bundle } from './bundle.types.ts';
import { legsOf } from './bundle.types.ts';
import { carClassName } from './words.rules.ts';
import { dayName, daysFrom } from './constraints.rules.ts';

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
      // Another day says which day and how far it moved; the same day, only whether it leaves earlier or later.
      const days = daysFrom(a.departLocal.slice(0, 10), b.departLocal.slice(0, 10));
      const shift = minutesOfDay(b.departLocal) - minutesOfDay(a.departLocal);
      if (days !== 0) {
        const far = Math.abs(days) === 1 ? 'a day' : `${Math.abs(days)} days`;
        changes.push(`leaves ${dayName(b.departLocal.slice(0, 10))} (${far} ${days > 0 ? 'later' : 'earlier'})`);
      } else if (shift !== 0) changes.push(shift < 0 ? 'earlier departure' : 'later departure');
      const longer =
        legsOf(next.flight).reduce((s, l) => s + l.durationMin, 0) -
        legsOf(previous.flight).reduce((s, l) => s + l.durationMin, 0);
      if (longer !== 0) changes.push(`${Math.abs(longer)} min ${longer > 0 ? 'longer' : 'shorter'}`);
      const stops = (f: Bundle['flight']) => Math.max(...legsOf(f!).map((l) => l.stops));
      if (stops(next.flight) === 0 && stops(previous.flight) > 0) changes.push('now nonstop');
      if (stops(next.flight) > 0 && stops(previous.flight) === 0) changes.push('now with a stop');
      if (a.airline.code !== b.airline.code) changes.push(`${b.airline.name} instead of ${a.airline.name}`);
    }
    const [backBefore, backNow] = [legsOf(previous.flight)[1], legsOf(next.flight)[1]];
    if (backBefore && backNow && backBefore.departLocal.slice(0, 10) !== backNow.departLocal.slice(0, 10)) {
      changes.push(`back ${dayName(backNow.departLocal.slice(0, 10))}`);
    }
  }
  if (previous.hotel && next.hotel && previous.hotel.id !== next.hotel.id) {
    changes.push(`different hotel: ${next.hotel.name}`);
  }
  if (
    previous.hotel &&
    next.hotel &&
    (previous.hotel.checkIn !== next.hotel.checkIn || previous.hotel.checkOut !== next.hotel.checkOut)
  ) {
    changes.push(`hotel ${dayName(next.hotel.checkIn)} to ${dayName(next.hotel.checkOut)}`);
  }
  if (previous.car && next.car && previous.car.id !== next.car.id) {
    changes.push(`different car: ${next.car.company} ${carClassName(next.car.carClass)}`);
  }
  return changes.length > 0 ? changes : ['same pick'];
}
