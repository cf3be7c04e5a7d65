// The day split as the API's facets split it (services/search flight facets: night < 06:00 ≤ morning < 12:00 ≤
// afternoon < 18:00 ≤ evening), as after/before pairs for the departure and arrival filters.
export const TIME_WINDOWS = [
  { value: '', label: 'Any time', after: null, before: null },
  { value: 'night', label: 'Night (before 6 AM)', after: '00:00', before: '05:59' },
  { value: 'morning', label: 'Morning (6 AM – noon)', after: '06:00', before: '11:59' },
  { value: 'afternoon', label: 'Afternoon (noon – 6 PM)', after: '12:00', before: '17:59' },
  { value: 'evening', label: 'Evening (after 6 PM)', after: '18:00', before: '23:59' },
] as const;

export function windowOf(after: string | null, before: string | null): string {
  return TIME_WINDOWS.find((w) => w.after === after && w.before === before)?.value ?? '';
}
