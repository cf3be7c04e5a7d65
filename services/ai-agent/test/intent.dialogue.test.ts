import { describe, expect, test } from 'vitest';
import { parseConversation, type ConversationTurn } from '../src/domain/intent/parse-conversation.ts';
import { OPTIONS } from './intent.fixtures.ts';

const agent = (said: string): ConversationTurn => ({ agent: said });
const last = (...turns: ConversationTurn[]) => parseConversation(turns, OPTIONS).at(-1)!;

describe('parseConversation: a later turn fills the slot it answers', () => {
  test.each([
    ['Where are you flying from?', 'Chicago.', 'origin'],
    ['Departure city?', 'Chicago', 'origin'],
    ['What city will you be leaving from?', 'chicago please', 'origin'],
    ['And where are you headed?', 'Chicago.', 'destination'],
    ['What is your destination?', 'Chicago', 'destination'],
  ])('When the agent asks "%s" and hears "%s", then the %s is filled', (question, answer, slot) => {
    const request = last('I need a one way flight on June 3rd', agent(question), answer);

    expect(request.flight?.[slot as 'origin' | 'destination']?.city).toBe('Chicago');
    expect(request.flight?.departDate).toBe('2024-06-03');
  });

  test.each([
    ['When will you come back?', 'the 9th'],
    ['And the way back, what day?', 'June 9th'],
    ['On which day is your flight back?', 'It should be on June 9th.'],
  ])('When the agent asks "%s", then the bare date is the way back and the way out is kept', (question, answer) => {
    const request = last('a flight from Boston to Denver on June 3rd', agent(question), answer);

    expect(request.flight).toMatchObject({ departDate: '2024-06-03', returnDate: '2024-06-09' });
  });

  test.each([
    ['Until which day will you keep it?', 'next Thursday', { pickupDate: '2024-05-20', dropoffDate: '2024-05-23' }],
    ['When will you return the car?', 'the 23rd', { pickupDate: '2024-05-20', dropoffDate: '2024-05-23' }],
    ['At what time do you collect it?', 'around 3 in the afternoon', { pickupTime: '15:00', dropoffDate: null }],
  ])('When a rental is asked "%s" and hears "%s", then that slot is filled and no other', (question, answer, car) => {
    expect(last('I need a car in Denver on the 20th', agent(question), answer).car).toMatchObject({
      pickupCity: 'Denver',
      ...car,
    });
  });

  test.each([
    ['How many rooms do you need?', 'three', { rooms: 3 }],
    ['For how many nights?', 'two please', { nights: 2 }],
    ['How long will you stay?', 'For 4 days.', { nights: 4 }],
  ])('When a stay is asked "%s" and hears "%s", then the count goes where it was asked', (question, answer, hotel) => {
    expect(last('a hotel in Denver from June 3rd', agent(question), answer).hotel).toMatchObject(hotel);
  });
});

describe("parseConversation: the agent's own words are context", () => {
  test('When the agent proposes a day and hears yes, then the day is taken; a different day replaces it', () => {
    expect(
      last('a one way flight from Boston to Denver', agent('Will you depart on June 2nd?'), 'Yes.').flight?.departDate,
    ).toBe('2024-06-02');
    expect(
      last('a one way flight from Boston to Denver', agent('Will you depart on June 2nd?'), 'No, June 4th.').flight
        ?.departDate,
    ).toBe('2024-06-04');
    expect(
      last('a hotel in Denver', agent('From June 2nd right? How long is your stay?'), 'June 3rd. For four days.').hotel,
    ).toMatchObject({ checkIn: '2024-06-03', nights: 4 });
  });

  test.each([
    'Sounds good.',
    "That's all I need, thanks.",
    'Great, can you also find me a rental car there?',
    'Book it.',
  ])('When an airline\'s flight is offered and the traveller says "%s", then that airline is kept', (answer) => {
    const request = last(
      'a flight from Boston to Denver on June 3rd',
      agent('I found 4 flights. There is a Delta Airlines flight at 9:05 am with 0 layovers for $190.'),
      answer,
    );

    expect(request.flight?.airline).toBe('DL');
  });

  test.each(['Anything else?', 'Is there something cheaper? Show me something else.', 'No, show me other flights.'])(
    'When an offered flight is turned down with "%s", then its airline is not kept',
    (answer) => {
      const request = last(
        'a flight from Boston to Denver on June 3rd',
        agent('There is a Delta Airlines flight at 9:05 am with 0 layovers for $190.'),
        answer,
      );

      expect(request.flight?.airline).toBeNull();
    },
  );

  test('When the traveller asks about the option first, then it is taken only once they say yes', () => {
    const turns: ConversationTurn[] = [
      'I need a car in Denver from June 3rd to the 5th',
      agent('There is a standard Camry available at Denver International Airport on June 3rd.'),
      'How much is it?',
    ];

    expect(last(...turns).car?.carType).toBeNull();
    expect(last(...turns, agent('It costs $93 in total.'), 'That works, reserve it.').car?.carType).toBe('standard');
  });

  test.each([
    ['Does it land the same day?', { departDate: '2024-06-03', passengers: null }],
    ['How many passengers is this for?', { departDate: '2024-06-03', passengers: null }],
    ['Is that seat in business class?', { departDate: '2024-06-03', cabin: null }],
  ])('When the traveller asks "%s" about the option, then it sets no constraint', (question, flight) => {
    const request = last(
      'a flight from Boston to Denver on June 3rd',
      agent('There is a United Airlines flight at 6 pm for $210.'),
      question,
    );

    expect(request.flight).toMatchObject(flight);
  });

  test('When the traveller asks whether the hotel offered has wifi, then wifi is not a wish', () => {
    const request = last(
      'a hotel in Denver',
      agent('How about the Crawford Hotel, a 4 star hotel?'),
      'Does it have wifi?',
    );

    expect(request.hotel?.amenities).toEqual([]);
  });

  test('When the agent confirms a booking and hears yes, then one room is booked unless said otherwise', () => {
    const request = last(
      'a hotel in Denver from June 3rd for 2 nights',
      agent('Please confirm: a room at the Crawford Hotel in Denver, checking in June 3rd for 2 nights.'),
      'Yes, that is correct.',
    );

    expect(request.hotel).toMatchObject({ rooms: 1, guests: 1 });
  });
});

describe('parseConversation: a place said before', () => {
  test.each(['I need a hotel there too', 'can you find me a room in that area?', 'I also need a rental car there'])(
    'When a trip is under way and the traveller says "%s", then "there" is where it lands',
    (turn) => {
      const request = last('a one way flight from Boston to Denver on June 3rd', turn);

      expect(request.hotel?.city ?? request.car?.pickupCity).toBe('Denver');
    },
  );

  test('When nothing is under way, then "there" is the place the traveller named last, even about the weather', () => {
    const request = last(
      "What's the weather like in Seattle next week?",
      agent('It will be 60 degrees.'),
      'Find me a one way flight there from Denver on June 3rd.',
    );

    expect(request.flight).toMatchObject({ origin: { city: 'Denver' }, destination: { city: 'Seattle' } });
  });

  test('When the agent offers options somewhere, then a stay with no city is there', () => {
    const request = last(
      'I need a hotel with wifi',
      agent('I found 10 hotels. How about the Ace Hotel Chicago, a 3 star hotel?'),
      'What is the address?',
    );

    expect(request.hotel?.city).toBe('Chicago');
  });
});
