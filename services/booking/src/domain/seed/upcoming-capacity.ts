import { addDays } from './seed-dates.ts';

/** What an upcoming booking takes in search: seats of a cabin, or a room type's nights and a car's days. */
export type Need =
  | { kind: 'seats'; flightId: number; cabin: string; left: number; quantity: number }
  | { kind: 'room' | 'car'; listingId: number; units: number; first: string; last: string; quantity: number };

/**
 * The inventory upcoming seeded bookings take, on top of what search already counts as taken: a booking is kept
 * only if all of it fits, so that every hold the seed then places in search succeeds.
 */
export class UpcomingCapacity {
  private readonly seats = new Map<string, number>();
  private readonly days = new Map<string, number>();

  constructor(taken: { kind: 'room' | 'car'; listing_id: number; day: string; taken: number }[]) {
    for (const t of taken) this.days.set(`${t.kind}:${t.listing_id}:${t.day}`, t.taken);
  }

  private static daysOf(need: Extract<Need, { kind: 'room' | 'car' }>): string[] {
    const days: string[] = [];
    for (let day = need.first; day <= need.last; day = addDays(day, 1)) {
      days.push(`${need.kind}:${need.listingId}:${day}`);
    }
    return days;
  }

  /** Takes everything the booking needs and answers true, or takes nothing and answers false. */
  take(needs: readonly Need[]): boolean {
    const seats = new Map<string, number>();
    const days = new Map<string, number>();
    for (const need of needs) {
      if (need.kind === 'seats') {
        const key = `${need.flightId}:${need.cabin}`;
        const used = (seats.get(key) ?? this.seats.get(key) ?? 0) + need.quantity;
        if (used > need.left) return false;
        seats.set(key, used);
        continue;
      }
      for (const key of UpcomingCapacity.daysOf(need)) {
        const used = (days.get(key) ?? this.days.get(key) ?? 0) + need.quantity;
        if (used > need.units) return false;
        days.set(key, used);
      }
    }
    for (const [key, used] of seats) this.seats.set(key, used);
    for (const [key, used] of days) this.days.set(key, used);
    return true;
  }
}
