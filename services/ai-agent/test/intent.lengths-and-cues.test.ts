import { describe, expect, test } from 'vitest';
import { parseConversation, type ConversationTurn } from '../src/domain/intent/parse-conversation.ts';
import { OPTIONS, read } from './intent.fixtures.ts';

const agent = (said: string): ConversationTurn => ({ agent: said });
const last = (...turns: ConversationTurn[]) => parseConversation(turns, OPTIONS).at(-1)!;

describe('parseTurn: a length with a word before its count is a length, not a day', () => {
  test.each([
    ['a hotel in Quebec from May 20th, only 2 days', 2],
    ['a hotel in Quebec from May 20th for just one day', 1],
    ['a hotel in Quebec from May 20th for the next 3 days', 3],
    ['a hotel in Quebec starting May 20th, roughly four days', 4],
  ])('When the traveller says "%s", then the stay is %s nights from the 20th', (utterance, nights) => {
    expect(read(utterance).hotel).toMatchObject({ checkIn: '2024-05-20', nights });
  });

  test('When the day is said with "in", then it stays a day ("in 3 days" is a date)', () => {
    expect(read('a hotel in Quebec in 3 days for 2 nights').hotel).toMatchObject({ checkIn: '2024-05-18', nights: 2 });
  });
});

describe('parseTurn: a cue that names its date ("the check-in date to be the 3rd") still decides its end', () => {
  test('When the agent asks how long and hears the check-in day named so, then it is the check-in', () => {
    const request = last(
      'a hotel in Quebec',
      agent('How many nights will you stay?'),
      'I would like the check-in date to be June 3rd, and three nights.',
    );

    expect(request.hotel).toMatchObject({ checkIn: '2024-06-03', nights: 3, checkOut: '2024-06-06' });
  });

  test.each([
    ['a car in Quebec, my pick-up date should be June 3rd and the drop-off day would be June 6th'],
    ['a car in Quebec, drop-off date will be June 6th, the pick-up day is June 3rd'],
  ])('When a rental says "%s", then each day goes to its end', (utterance) => {
    expect(read(utterance).car).toMatchObject({ pickupDate: '2024-06-03', dropoffDate: '2024-06-06' });
  });

  test('When the agent asks until when and hears the pick-up day named so first, then both ends are right', () => {
    const request = last(
      'I need a car in Quebec',
      agent('Until when do you need it?'),
      'the pick-up date has to be June 3rd and I need it until June 6th',
    );

    expect(request.car).toMatchObject({ pickupDate: '2024-06-03', dropoffDate: '2024-06-06' });
  });
});
