import type { Bundle } from '../planning/bundle.types.ts';
import { legsOf } from '../planning/bundle.types.ts';

type Topic = 'cancellation' | 'pets' | 'breakfast' | 'parking' | 'check-in' | 'mileage' | 'driver-age';

const TOPICS: [Topic, RegExp][] = [
  ['cancellation', /\b(cancel\w*|refund\w*|money back|change my mind)\b/i],
  ['pets', /\b(pets?|dogs?|cats?|pet[- ]friendly)\b/i],
  ['breakfast', /\bbreakfast\b/i],
  ['parking', /\b(park(ing)?|garage)\b/i],
  ['check-in', /\bcheck[- ]?in\b|\barriv\w+ (time|early|late)\b/i],
  ['mileage', /\b(mileage|miles|unlimited)\b/i],
  ['driver-age', /\b(age|old|young|under \d\d)\b/i],
];

export function topicsOf(question: string): Topic[] {
  return TOPICS.filter(([, pattern]) => pattern.test(question)).map(([topic]) => topic);
}

/**
 * Answers a policy question from the listing's own policy fields, quoting them; a topic the listing says nothing
 * about is said to be unknown rather than guessed.
 */
export function answerPolicy(question: string, bundle: Bundle): { text: string; quotes: Record<string, unknown> } {
  const topics = topicsOf(question);
  const asked: Topic[] = topics.length > 0 ? topics : ['cancellation'];
  const lines: string[] = [];
  const quotes: Record<string, unknown> = {};
  const hotel = bundle.hotel;
  const car = bundle.car;
  const legs = bundle.flight ? legsOf(bundle.flight) : [];
  for (const topic of asked) {
    if (topic === 'cancellation') {
      if (legs.length > 0) {
        const refundable = legs.every((l) => l.refundable);
        quotes.flightRefundable = refundable;
        lines.push(
          refundable
            ? 'The flight fare is refundable until departure.'
            : 'The flight fare is non-refundable (you can cancel within 24 hours of booking if departure is a week or more away).',
        );
      }
      if (hotel) {
        const hours = hotel.policies.refundWindowHours;
        quotes.hotelRefundWindowHours = hours ?? null;
        lines.push(
          hours === undefined
            ? `${hotel.name} does not state a cancellation window.`
            : hours > 0
              ? `${hotel.name}: free cancellation until ${hours} hours before check-in; after that, one night is kept.`
              : `${hotel.name}: no free cancellation; cancelling keeps one night.`,
        );
      }
      if (car) {
        quotes.carFreeCancellationHours = car.policies.freeCancellationHours ?? null;
        lines.push(
          `${car.company}: free cancellation until ${car.policies.freeCancellationHours ?? 0} hours before pick-up.`,
        );
      }
    }
    if (topic === 'pets' && hotel) {
      quotes.petsAllowed = hotel.policies.petsAllowed ?? null;
      lines.push(
        hotel.policies.petsAllowed === undefined
          ? `${hotel.name} does not say whether pets are allowed.`
          : hotel.policies.petsAllowed
            ? `Pets are allowed at ${hotel.name}.`
            : `${hotel.name} does not allow pets.`,
      );
    }
    if (topic === 'breakfast' && hotel) {
      quotes.breakfastIncluded = hotel.policies.breakfastIncluded ?? null;
      lines.push(
        hotel.policies.breakfastIncluded
          ? `Breakfast is included at ${hotel.name}.`
          : `Breakfast is not included at ${hotel.name}.`,
      );
    }
    if (topic === 'parking' && hotel) {
      quotes.parking = hotel.policies.parking ?? null;
      const parking = hotel.policies.parking;
      lines.push(
        parking === 'free'
          ? `Parking is free at ${hotel.name}.`
          : parking === 'paid'
            ? `${hotel.name} has paid parking.`
            : `${hotel.name} has no parking.`,
      );
    }
    if (topic === 'check-in' && hotel) {
      quotes.checkInTime = hotel.policies.checkInTime ?? null;
      lines.push(
        `Check-in at ${hotel.name} is from ${hotel.policies.checkInTime ?? 'the hotel’s usual time (not stated)'}.`,
      );
    }
    if (topic === 'mileage' && car) {
      quotes.mileage = car.policies.mileage ?? null;
      lines.push(`${car.company}: ${car.policies.mileage ?? 'unstated'} mileage.`);
    }
    if (topic === 'driver-age' && car) {
      quotes.minimumDriverAge = car.policies.minimumDriverAge ?? null;
      lines.push(`${car.company}: drivers must be at least ${car.policies.minimumDriverAge ?? 21}.`);
    }
  }
  return {
    text: lines.length > 0 ? lines.join(' ') : 'That option does not list a policy on this.',
    quotes,
  };
}
