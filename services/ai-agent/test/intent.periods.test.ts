import { describe, expect, test } from 'vitest';
import { intentRequestSchema } from '@tripwise/contracts';
import { parseTurn } from '../src/domain/intent/parse-conversation.ts';
import { read } from './intent.fixtures.ts';

/** Said on a given day at noon UTC. */
const on = (day: string) => ({ now: new Date(`${day}T12:00:00Z`), timeZone: 'UTC' });
const readOn = (day: string, utterance: string) => intentRequestSchema.parse(parseTurn(null, utterance, on(day)));

describe('parseTurn: holidays, resolved for the next time they come', () => {
  test.each([
    ['2024-05-15', 'fly Boston to Denver on Christmas Eve', '2024-12-24'],
    ['2024-12-26', 'fly Boston to Denver on Christmas Eve', '2025-12-24'],
    ['2024-05-15', "Boston to Denver on New Year's Day", '2025-01-01'],
    ['2024-05-15', 'Boston to Denver on new years eve', '2024-12-31'],
    ['2024-07-05', 'Boston to Denver on July 4th', '2025-07-04'],
    ['2024-05-15', 'Boston to Denver on the fourth of July', '2024-07-04'],
    ['2024-05-15', 'Boston to Denver on Thanksgiving', '2024-11-28'],
    ['2025-05-15', 'Boston to Denver on Thanksgiving', '2025-11-27'],
    ['2024-05-15', 'Boston to Denver on Memorial Day', '2024-05-27'],
    ['2024-05-15', 'Boston to Denver on Labor Day', '2024-09-02'],
    ['2024-05-15', 'Boston to Denver for Easter', '2025-04-20'],
  ])('When on %s the traveller says "%s", then they leave on %s', (day, utterance, date) => {
    expect(readOn(day, utterance).flight?.departDate).toBe(date);
  });

  test.each([
    ['2024-05-15', 'Thanksgiving weekend in Denver from Boston', '2024-11-28', '2024-12-01'],
    ['2024-05-15', 'Boston to Denver for Memorial Day weekend', '2024-05-25', '2024-05-27'],
    ['2024-05-15', 'Boston to Denver over Labor Day weekend', '2024-08-31', '2024-09-02'],
  ])('When on %s the traveller says "%s", then the trip runs %s to %s', (day, utterance, from, to) => {
    expect(readOn(day, utterance).flight).toMatchObject({ departDate: from, returnDate: to });
  });
});

describe('parseTurn: months, weeks and weekends', () => {
  // Saturday 21 November 2026.
  const SATURDAY = '2026-11-21';

  test("When a weekend trip names its month, then it is that month's first weekend, Friday to Sunday", () => {
    expect(readOn(SATURDAY, 'weekend in Miami for 2 from Chicago in March')).toMatchObject({
      flight: {
        origin: { code: 'CHI' },
        destination: { code: 'MIA' },
        departDate: '2027-03-05',
        returnDate: '2027-03-07',
        passengers: 2,
      },
      dateWindow: { from: '2027-03-01', to: '2027-03-31' },
      missing: [],
    });
  });

  test.each([
    ['flights from Boston to Miami in March', '2025-03-01', { from: '2025-03-01', to: '2025-03-31' }],
    ['Boston to Miami the first week of March', '2025-03-01', { from: '2025-03-01', to: '2025-03-07' }],
    ['Boston to Miami the last week of June', '2024-06-24', { from: '2024-06-24', to: '2024-06-30' }],
    ['Boston to Miami in early June', '2024-06-01', { from: '2024-06-01', to: '2024-06-10' }],
    ['Boston to Miami mid-July', '2024-07-11', { from: '2024-07-11', to: '2024-07-20' }],
    ['Boston to Miami at the end of May', '2024-05-21', { from: '2024-05-21', to: '2024-05-31' }],
    ['Boston to Miami in May', '2024-05-15', { from: '2024-05-15', to: '2024-05-31' }],
  ])('When a period is named ("%s"), then the trip starts on %s and may move within it', (utterance, date, window) => {
    const request = read(utterance, 'search_flights');

    expect(request.flight?.departDate).toBe(date);
    expect(request.dateWindow).toEqual(window);
  });

  test.each([
    ['a hotel in Austin this weekend', '2024-05-17', '2024-05-19'],
    ['a hotel in Austin next weekend', '2024-05-24', '2024-05-26'],
    ['a hotel in Austin the weekend after next', '2024-05-31', '2024-06-02'],
    // 1 June 2024 is a Saturday: its weekend is the first of June's.
    ['a hotel in Austin for the first weekend of June', '2024-05-31', '2024-06-02'],
    ['a hotel in Austin for the second weekend of June', '2024-06-07', '2024-06-09'],
  ])('When a stay is "%s" (on Wednesday 15 May), then it runs %s to %s', (utterance, checkIn, checkOut) => {
    expect(read(utterance).hotel).toMatchObject({ checkIn, checkOut, nights: 2 });
  });

  test.each([
    ['a weekend in Paris from New York leaving Friday Dec 11', '2026-12-11', '2026-12-13'],
    ['weekend getaway to Paris from New York, leaving on the 4th of December', '2026-12-04', '2026-12-06'],
    ['a weekend in Paris from New York, fly out Thursday Dec 10 and back Monday', '2026-12-10', '2026-12-14'],
  ])('When an explicit day comes with a vague weekend ("%s"), then the day wins', (utterance, depart, back) => {
    expect(readOn(SATURDAY, utterance).flight).toMatchObject({ departDate: depart, returnDate: back });
  });
});

describe('parseTurn: ranges, relative days and days with times', () => {
  test.each([
    ['a hotel in Austin from the 23rd to the 30th of December', '2024-12-23', '2024-12-30'],
    ['a hotel in Austin the 3rd-7th of June', '2024-06-03', '2024-06-07'],
    ['a hotel in Austin from 10 to 14 July', '2024-07-10', '2024-07-14'],
    ['a hotel in Austin between the 1st and the 4th of August', '2024-08-01', '2024-08-04'],
  ])('When the month is said once at the end ("%s"), then it holds for both days', (utterance, checkIn, checkOut) => {
    expect(read(utterance).hotel).toMatchObject({ checkIn, checkOut });
  });

  test.each([
    ['a hotel in Austin for 5 nights starting the 20th', '2024-05-20', '2024-05-25'],
    ['a hotel in Austin starting the 2nd for 3 nights', '2024-06-02', '2024-06-05'],
    ['a room in Austin tonight', '2024-05-15', '2024-05-16'],
    ['a room in Austin for tonight please', '2024-05-15', '2024-05-16'],
    ['a hotel in Austin the day after tomorrow for 2 nights', '2024-05-17', '2024-05-19'],
    ['a hotel in Austin day after tomorrow for 2 nights', '2024-05-17', '2024-05-19'],
  ])('When a stay is "%s", then it runs %s to %s', (utterance, checkIn, checkOut) => {
    expect(read(utterance).hotel).toMatchObject({ checkIn, checkOut });
  });

  test.each([
    ['rent a car in Denver tomorrow until next Monday', '2024-05-16', '2024-05-20'],
    ['a car in Denver from Friday, I will keep it until next Monday', '2024-05-17', '2024-05-20'],
    ['I need a car in Philly tomorrow until the 30th, pick up at 30th Street Station', '2024-05-16', '2024-05-30'],
  ])(
    'When a rental runs "until" a day ("%s"), then it is picked up %s and dropped off %s',
    (utterance, pickup, dropoff) => {
      expect(read(utterance).car).toMatchObject({ pickupDate: pickup, dropoffDate: dropoff });
    },
  );

  test('When an ordinal names a street, then it is no date', () => {
    expect(read('a car at 30th Street Station in Philadelphia', 'search_cars').car).toMatchObject({
      pickupCity: 'Philadelphia',
      pickupDate: null,
    });
    expect(read('a hotel on 42nd Street in New York on June 3rd').hotel?.checkIn).toBe('2024-06-03');
  });

  test.each([
    ['Boston to Denver on December 5 in the evening', '2024-12-05', { period: 'evening', at: null }],
    ['Boston to Denver 12/05 9:30am', '2024-12-05', { period: 'morning', at: '09:30' }],
    ['Boston to Denver on June 3rd at 7 in the morning', '2024-06-03', { period: 'morning', at: '07:00' }],
    ['a morning flight from Boston to Denver on June 3rd', '2024-06-03', { period: 'morning', at: null }],
    ['Boston to Denver tonight', '2024-05-15', { period: 'evening', at: null }],
  ])('When a flight is "%s", then it leaves on %s at that time of day', (utterance, date, time) => {
    expect(read(utterance, 'search_flights').flight).toMatchObject({ departDate: date, departTime: time });
  });

  test('When the way back has its own time of day, then the return keeps it', () => {
    expect(read('Boston to Denver June 3rd, back June 6th in the afternoon').flight).toMatchObject({
      returnDate: '2024-06-06',
      returnTime: { period: 'afternoon', at: null },
    });
  });
});
