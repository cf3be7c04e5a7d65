/** How many bookings to make. Named scales are seeded at most once per database (see booking_seed). */
export interface BookingScale {
  /** Recorded in booking_seed.scale. */
  name: string;
  /** Travelers: each is given at least one booking (rarely left out, see below), a few make dozens a year. */
  users: number;
  /** Bookings attempted; the few whose flights or rooms cannot be found are left out. */
  bookings: number;
  /** Days of bookings, ending now. */
  days: number;
}

export const BOOKING_SCALES = {
  /** What `npm start` can give the embedded stack: enough to fill the dashboards and a traveler's trips. */
  demo: { name: 'demo', users: 150, bookings: 400, days: 730 },
  /** For benchmarks on PostgreSQL: over 100,000 billing records across two years. */
  large: { name: 'large', users: 12_000, bookings: 104_000, days: 730 },
} as const satisfies Record<string, BookingScale>;

export type BookingScaleName = keyof typeof BOOKING_SCALES;

export function isBookingScaleName(name: string): name is BookingScaleName {
  return Object.hasOwn(BOOKING_SCALES, name);
}
