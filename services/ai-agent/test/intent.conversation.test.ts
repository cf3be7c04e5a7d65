import { describe, expect, test } from 'vitest';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { OPTIONS, planned, read, readAll } from './intent.fixtures.ts';

describe('parseConversation: turns accumulate', () => {
  test('When slots arrive one turn at a time, then each turn fills the slot that was asked for', () => {
    const states = parseConversation(['I need a flight', 'Boston', 'to Denver', 'next Friday'], OPTIONS);

    expect(states.map((state) => state.missing)).toEqual([
      ['origin', 'destination', 'departDate'],
      ['destination', 'departDate'],
      ['departDate'],
      [],
    ]);
    expect(states.map((state) => state.question)).toEqual([
      'Where will you be flying from?',
      'Where would you like to go?',
      'What date would you like to leave?',
      null,
    ]);
    expect(states.at(-1)?.flight).toMatchObject({
      origin: { code: 'BOS' },
      destination: { code: 'DEN' },
      departDate: '2024-05-24',
    });
  });

  test('When a later turn changes the party size, then it is a refinement and the rest is kept', () => {
    const request = readAll('Two tickets from Chicago to Austin on June 3rd', 'make it 3 people');

    expect(request).toMatchObject({
      intent: 'refine',
      flight: { origin: { code: 'CHI' }, destination: { code: 'AUS' }, departDate: '2024-06-03', passengers: 3 },
    });
  });

  test('When a later turn changes the date, then the new date replaces the old one', () => {
    const request = readAll('Fly from Chicago to Austin on June 3rd', 'actually, make it June 5th');

    expect(request).toMatchObject({ intent: 'refine', flight: { departDate: '2024-06-05' } });
  });

  test('When a round trip is asked for, then the return date stays missing until a bare date answers it', () => {
    const states = parseConversation(['a round trip from Chicago to Austin on June 3rd', 'June 9th'], OPTIONS);

    expect(states[0]).toMatchObject({ missing: ['returnDate'], question: 'When will you be coming back?' });
    expect(states[1]?.flight).toMatchObject({ departDate: '2024-06-03', returnDate: '2024-06-09' });
  });

  test('When a hotel is added to a flight, then it becomes a trip and the stay follows the flight', () => {
    const request = readAll(
      'Fly me and my wife from Seattle to Honolulu on June 3rd, back on the 10th',
      'We also need a 4 star hotel with a pool',
    );

    expect(request).toMatchObject({
      intent: 'plan_trip',
      hotel: { city: 'Honolulu', checkIn: null, checkOut: null, guests: 2, minStars: 4 },
      missing: [],
    });
    expect(planned(request).hotel).toMatchObject({ checkIn: '2024-06-03', checkOut: '2024-06-10', guests: 2 });
  });

  test('When the destination of a trip changes, then the hotel that followed it moves too', () => {
    const request = readAll(
      'Plan a trip from Seattle to Honolulu, June 3rd to the 10th',
      'Actually, fly to Maui instead',
    );

    expect(request.flight?.destination?.city).toBe('Kahului');
    expect(request.hotel?.city).toBe('Kahului');
  });

  test('When a car is added to a hotel stay, then the rental is where the stay is and keeps its days at planning', () => {
    const request = readAll('A hotel in Phoenix from June 3rd for 2 nights', 'I will need a compact car there too');

    expect(request).toMatchObject({
      intent: 'plan_trip',
      car: { pickupCity: 'Phoenix', pickupDate: null, dropoffDate: null, carType: 'compact' },
    });
    expect(planned(request).car).toMatchObject({ pickupDate: '2024-06-03', dropoffDate: '2024-06-05' });
  });
});

describe('parseTurn: intents', () => {
  test('When a flight and a hotel are asked for in one breath, then the intent is plan_trip', () => {
    expect(read('I need flights from Austin to Paris and a hotel for 5 nights from June 3rd')).toMatchObject({
      intent: 'plan_trip',
      flight: {
        origin: { code: 'AUS' },
        destination: { code: 'PAR' },
        departDate: '2024-06-03',
        returnDate: '2024-06-08',
      },
      hotel: { city: 'Paris', checkIn: '2024-06-03', nights: 5, checkOut: '2024-06-08' },
      missing: [],
    });
  });

  test('When only a place is named, then a trip there is assumed and the origin is asked first', () => {
    expect(read('I want to go to Lisbon')).toMatchObject({
      intent: 'plan_trip',
      flight: { destination: { city: 'Lisbon' } },
      hotel: { city: 'Lisbon' },
      missing: ['origin', 'departDate', 'returnDate'],
      question: 'Where will you be flying from?',
    });
  });

  test('When the traveller says "book it", then the intent is book and the search is kept', () => {
    expect(readAll('Boston to Denver on June 3rd', 'Great, book it')).toMatchObject({
      intent: 'book',
      flight: { origin: { code: 'BOS' }, departDate: '2024-06-03' },
    });
  });

  test('When the traveller asks to be told about a price drop, then it is a price watch with the threshold', () => {
    expect(read('Let me know when Boston to Denver drops below $300')).toMatchObject({
      intent: 'watch_price',
      watch: { priceBelow: { amount: 30000, currency: 'USD' }, inventoryBelow: null },
      budget: null,
    });
  });

  test('When a price watch has no threshold yet, then the threshold is asked and the next amount answers it', () => {
    const states = parseConversation(
      ['Fly from Boston to Denver on June 3rd', 'can you watch the price for me?', '250 dollars'],
      OPTIONS,
    );

    expect(states[1]).toMatchObject({ intent: 'watch_price', missing: ['watchThreshold'] });
    expect(states[2]).toMatchObject({
      intent: 'watch_price',
      watch: { priceBelow: { amount: 25000, currency: 'USD' } },
      missing: [],
    });
  });

  test('When the traveller asks about a policy, then it is a policy question that needs no slots', () => {
    expect(read("What's the cancellation policy?")).toMatchObject({
      intent: 'policy_question',
      missing: [],
      question: null,
    });
    expect(read('Is the baggage allowance 23 kg?').intent).toBe('policy_question');
  });

  test('When nothing travel-related is said, then the intent is other and nothing is asked', () => {
    expect(read('hello there')).toMatchObject({
      intent: 'other',
      flight: null,
      hotel: null,
      car: null,
      question: null,
    });
  });

  test('When a hotel search is missing its dates, then the check-in is asked', () => {
    expect(read('a hotel in Boston')).toMatchObject({
      intent: 'search_hotels',
      missing: ['checkIn', 'checkOut'],
      question: 'What date would you like to check in?',
    });
  });

  test('When a car search is missing everything but the city, then the pick-up day is asked', () => {
    expect(read('I need a rental car in Boston')).toMatchObject({
      intent: 'search_cars',
      missing: ['pickupDate', 'dropoffDate'],
      question: 'What day would you like to pick up the car?',
    });
  });
});
