// Flight times as the API gives them: `YYYY-MM-DDTHH:MM` on each airport's own clock, shown as read there.
import { daysBetween } from '../search/dates.ts';

/** "2026-12-20T07:05" → "7:05 AM". */
export function clockOf(local: string): string {
  const [h = 0, m = 0] = local.slice(11, 16).split(':').map(Number);
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Calendar days between the departure's and the arrival's local dates (+1 overnight, −1 across the date line). */
export const dayShiftOf = (departLocal: string, arriveLocal: string): number =>
  daysBetween(departLocal.slice(0, 10), arriveLocal.slice(0, 10));

/** "+1" after an arrival time, with words for screen readers. */
export function DayShift({ departLocal, arriveLocal }: { departLocal: string; arriveLocal: string }) {
  const days = dayShiftOf(departLocal, arriveLocal);
  if (days === 0) return null;
  const words = days === 1 ? 'the next day' : days > 0 ? `${days} days later` : 'the day before';
  return (
    <sup className="day-shift">
      <span aria-hidden="true">{days > 0 ? `+${days}` : days}</span>
      <span className="sr-only"> (arrives {words})</span>
    </sup>
  );
}
