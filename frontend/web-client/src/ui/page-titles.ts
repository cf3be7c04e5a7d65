// Each route's document title (see page-title.ts). Search pages name what is searched, from the address alone, so
// the title is right before any answer arrives.
import { formatDate } from './format.ts';

const on = (date: string | null) => (date ? `, ${formatDate(date)}` : '');

export function flightsTitle(q: URLSearchParams): string {
  const [from, to] = [q.get('origin'), q.get('destination')];
  if (!from || !to) return 'Search flights';
  if (!q.get('returnDate')) return `Flights ${from} → ${to}${on(q.get('date'))}`;
  if (q.get('outboundId')) return `Choose your return ${to} → ${from}${on(q.get('returnDate'))}`;
  return `Choose your departing flight ${from} → ${to}${on(q.get('date'))}`;
}

export const hotelsTitle = (q: URLSearchParams) => (q.get('city') ? `Hotels in ${q.get('city')}` : 'Search hotels');
export const carsTitle = (q: URLSearchParams) =>
  q.get('location') ? `Rental cars at ${q.get('location')}` : 'Search rental cars';
export const dateGridTitle = (q: URLSearchParams) =>
  `Prices by date${q.get('origin') ? ` ${q.get('origin')} → ${q.get('destination')}` : ''}`;
export const calendarTitle = (q: URLSearchParams) =>
  `Price calendar${q.get('origin') ? ` ${q.get('origin')} → ${q.get('destination')}` : ''}`;
export const exploreTitle = (q: URLSearchParams) => {
  const theme = q.get('theme');
  return q.get('origin') ? `Explore${theme ? ` ${theme}` : ''} from ${q.get('origin')}` : 'Explore destinations';
};
