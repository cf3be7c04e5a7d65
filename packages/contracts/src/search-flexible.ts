import { z } from 'zod';
import type { Money } from './common.ts';
import { cabinSchema } from './intent.ts';
import { EXPLORE_THEMES } from './vocabulary.ts';

// Flexible dates (a ±3-day price grid, a month's calendar) and Explore (cheapest destinations from an origin), as
// search answers them under /api/search (services/search/src/routes/search.routes.ts). Prices are per person in
// USD minor units: round trips for the whole round trip, the calendar one way.

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'a three-letter airport, city or metro code such as DEN or NYC' });
const date = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month as YYYY-MM' });
const trip = {
  passengers: z.coerce.number().int().min(1).max(9).default(1),
  cabin: cabinSchema.default('economy'),
  maxStops: z.coerce.number().int().min(0).max(2).optional(),
};

export const dateGridSchema = z
  .object({
    origin: code,
    destination: code,
    date,
    returnDate: date,
    /** Days either side of each date: 3 makes a 7 × 7 grid. */
    spread: z.coerce.number().int().min(0).max(3).default(3),
    ...trip,
  })
  .refine((q) => q.returnDate >= q.date, { path: ['returnDate'], message: 'must not be before the departure date' })
  .refine((q) => q.origin !== q.destination, { path: ['destination'], message: 'must differ from the origin' });

export const fareCalendarSchema = z
  .object({ origin: code, destination: code, month, ...trip })
  .refine((q) => q.origin !== q.destination, { path: ['destination'], message: 'must differ from the origin' });

export const exploreSchema = z.object({
  origin: code,
  /** The month to travel in; the next 30 days when absent. */
  month: month.optional(),
  /** Nights between going and coming back. */
  tripLength: z.coerce.number().int().min(1).max(21).default(7),
  /** Per person, for the round trip. */
  maxPrice: z.coerce.number({ error: 'an amount in minor units (cents)' }).int().positive().optional(),
  theme: z.enum(EXPLORE_THEMES).optional(),
  ...trip,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type DateGridQuery = z.infer<typeof dateGridSchema>;
export type FareCalendarQuery = z.infer<typeof fareCalendarSchema>;
export type ExploreQuery = z.infer<typeof exploreSchema>;
export type ExploreTheme = (typeof EXPLORE_THEMES)[number];

/** One cell: the cheapest round trip leaving on `departDate` and coming back on `returnDate` (null: none). */
export interface DateGridCell {
  departDate: string;
  returnDate: string;
  price: Money | null;
  /** The itineraries that make it, to open in a search (`outboundId`, then the return). */
  outboundId: string | null;
  returnId: string | null;
}

export interface DateGrid {
  departDates: string[];
  returnDates: string[];
  /** Row by row: every departure date with every return date on or after it. */
  cells: DateGridCell[];
  cheapest: DateGridCell | null;
}

export interface FareCalendarDay {
  date: string;
  /** The cheapest one-way itinerary that day, per person (null: none, or the day is past). */
  price: Money | null;
  stops: number | null;
  itineraryId: string | null;
}

export interface FareCalendar {
  month: string;
  days: FareCalendarDay[];
  cheapest: FareCalendarDay | null;
}

export interface ExploreDestination {
  destination: {
    code: string;
    city: string;
    country: string;
    latitude: number;
    longitude: number;
    airports: string[];
  };
  /** The cheapest round trip found, per person. */
  price: Money;
  departDate: string;
  returnDate: string;
  /** The most stops of the two directions. */
  stops: number;
  themes: ExploreTheme[];
  /** That month's average daily high there, °C. */
  averageHighC: number | null;
  /** National parks and ski areas near it. */
  near: { name: string; kind: string; km: number }[];
  /** What a flight search for this trip asks: open /api/search/flights with it. */
  search: { origin: string; destination: string; date: string; returnDate: string };
}

export interface ExploreAnswer {
  origin: string;
  dates: { from: string; to: string };
  tripLength: number;
  items: ExploreDestination[];
}
