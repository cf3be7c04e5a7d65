/** An instant (ISO string or epoch milliseconds) in the viewer's own time zone, e.g. "Mar 1, 2030, 7:05 PM". */
export function formatInstant(instant: string | number): string {
  return new Date(instant).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
