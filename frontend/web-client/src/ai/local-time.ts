import { formatDate } from '../ui/format.ts';

// Flight times arrive as the airport's own wall-clock time (`YYYY-MM-DDTHH:MM`, no offset): shown as they are,
// never shifted into the browser's time zone.

/** "2030-03-01T07:05" → "7:05 AM". */
export function clockOf(local: string): string {
  const hours = Number(local.slice(11, 13));
  const minutes = local.slice(14, 16);
  const suffix = hours < 12 ? 'AM' : 'PM';
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${suffix}`;
}

/** "2030-03-01T07:05" → "Fri, Mar 1". */
export const dayOf = (local: string): string => formatDate(local.slice(0, 10));

/** "+1" when a flight lands on a later calendar day than it left. */
export function dayShift(departLocal: string, arriveLocal: string): string {
  const days = Math.round(
    (Date.parse(`${arriveLocal.slice(0, 10)}T00:00Z`) - Date.parse(`${departLocal.slice(0, 10)}T00:00Z`)) / 86_400_000,
  );
  return days > 0 ? ` +${days}` : '';
}
