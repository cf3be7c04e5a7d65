import { describe, expect, test } from 'vitest';
import { parseTurn } from '../src/domain/intent/parse-conversation.ts';
import { read } from './intent.fixtures.ts';

describe('parseTurn: dates', () => {
  test.each([
    ['I want to fly out on June 3rd', '2024-06-03'],
    ['leaving the 3rd of June', '2024-06-03'],
    ['departing 3 June 2024', '2024-06-03'],
    ['I fly on 6/3', '2024-06-03'],
    ['departure date 2024-06-03', '2024-06-03'],
    ['leaving Jun 3', '2024-06-03'],
    ['flying out on the first of June', '2024-06-01'],
  ])('When the date is written as "%s", then the departure is %s', (utterance, date) => {
    expect(read(utterance, 'search_flights').flight?.departDate).toBe(date);
  });

  test.each([
    ['I need to leave tomorrow', '2024-05-16'],
    ['I fly today', '2024-05-15'],
    ['leaving the day after tomorrow', '2024-05-17'],
    ['I want to go this Friday', '2024-05-17'],
    ['I want to go next Friday', '2024-05-24'],
    ['I want to go Friday next week', '2024-05-24'],
    ['leaving this weekend', '2024-05-18'],
    ['leaving in 3 days', '2024-05-18'],
    ['on the 20th', '2024-05-20'],
    ['on the 10th', '2024-06-10'],
    ['the 22nd of this month', '2024-05-22'],
    ['the 2nd of next month', '2024-06-02'],
  ])('When the traveller says "%s" on Wednesday 15 May, then the date is %s', (utterance, date) => {
    expect(read(utterance, 'search_flights').flight?.departDate).toBe(date);
  });

  // Chrono's reading, which the development set's labels support (see `findDates`): "next Friday" is the Friday of
  // next week, nine days on from a Wednesday, and always the same day as "Friday next week".
  test.each([
    ['Monday', '2024-05-13', '2024-05-24'],
    ['Wednesday', '2024-05-15', '2024-05-24'],
    ['Friday', '2024-05-17', '2024-05-24'],
    ['Saturday', '2024-05-18', '2024-05-24'],
    ['Sunday', '2024-05-19', '2024-05-24'],
  ])('When said on a %s (%s), then "next Friday" and "Friday next week" are both %s', (_, today, date) => {
    const options = { now: new Date(`${today}T12:00:00Z`), timeZone: 'UTC' };

    expect(parseTurn(null, 'fly to Denver next Friday', options).flight?.departDate).toBe(date);
    expect(parseTurn(null, 'fly to Denver Friday next week', options).flight?.departDate).toBe(date);
  });

  test('When a return follows the departure, then both ends are filled and the second ordinal is read after the first', () => {
    const { flight } = read('Leaving July 4th and returning on the 11th', 'search_flights');

    expect(flight).toMatchObject({ departDate: '2024-07-04', returnDate: '2024-07-11' });
  });

  test('When a range crosses a month end, then the end date falls in the next month', () => {
    expect(read('June 28th to the 2nd', 'search_flights').flight).toMatchObject({
      departDate: '2024-06-28',
      returnDate: '2024-07-02',
    });
  });

  test('When "for twelve days" gives a length of stay, then it is nights, not a date twelve days away', () => {
    const { hotel } = read('I need the room from the 20th for twelve days', 'search_hotels');

    expect(hotel).toMatchObject({ checkIn: '2024-05-20', nights: 12, checkOut: '2024-06-01' });
  });

  test('When it is already tomorrow in the traveller\'s time zone, then "tomorrow" is the day after their today', () => {
    const lateInUtc = new Date('2024-05-15T23:30:00Z');

    const inTokyo = parseTurn(null, 'fly to Osaka tomorrow', { now: lateInUtc, timeZone: 'Asia/Tokyo' });
    const inLosAngeles = parseTurn(null, 'fly to Osaka tomorrow', { now: lateInUtc, timeZone: 'America/Los_Angeles' });

    expect(inTokyo.flight?.departDate).toBe('2024-05-17');
    expect(inLosAngeles.flight?.departDate).toBe('2024-05-16');
  });
});
