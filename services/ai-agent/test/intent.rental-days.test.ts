import { describe, expect, test } from 'vitest';
import { parseConversation, type ConversationTurn } from '../src/domain/intent/parse-conversation.ts';
import { OPTIONS, read } from './intent.fixtures.ts';

const agent = (said: string): ConversationTurn => ({ agent: said });
const last = (...turns: ConversationTurn[]) => parseConversation(turns, OPTIONS).at(-1)!;

describe('parseTurn: a time of day between a rental cue and its day', () => {
  test.each([
    ['rent a car in Reno, I will drop it off around 6 pm on June 8th and collect it at 9 am on June 4th'],
    ['a rental car in Reno: returning it at 18:00 on the 8th of June, picking it up at noon on the 4th of June'],
    ['car hire in Reno, bring it back by 5 pm on June 8th, pick the car up in the morning on June 4th'],
  ])('When the traveller says "%s", then each day goes to its own end', (utterance) => {
    expect(read(utterance).car).toMatchObject({ pickupDate: '2024-06-04', dropoffDate: '2024-06-08' });
  });

  test('When the agent asks for the first day, then "pick it up at 4 pm on the 20th" is the pick-up day', () => {
    const request = last(
      'I want a car in Tucson',
      agent('When would you like to collect it, and until when?'),
      "I'll pick it up at 4 pm on the 20th",
    );

    expect(request.car).toMatchObject({ pickupDate: '2024-05-20', pickupTime: '16:00', dropoffDate: null });
  });

  test('When the agent asks only until when, then the time is the pick-up’s and the day answers the question', () => {
    const request = last(
      'I want a car in Tucson from May 18th',
      agent('Until which date do you need it, and at what time will you collect it?'),
      "I'll pick it up at 4 pm on the 20th",
    );

    expect(request.car).toMatchObject({ pickupDate: '2024-05-18', pickupTime: '16:00', dropoffDate: '2024-05-20' });
  });
});

describe('parseConversation: a yes/no question after a lead word proposes its values', () => {
  test.each([
    'Sure, will you collect the car in Tucson on June 2nd and until when do you need it?',
    'Okay, would you pick it up on June 2nd and when will you bring it back?',
  ])('When the agent asks "%s" and hears a plain yes, then the proposed day is the pick-up', (question) => {
    const request = last('I want a car in Tucson', agent(question), 'Yes, please.');

    expect(request.car).toMatchObject({ pickupCity: 'Tucson', pickupDate: '2024-06-02' });
  });

  test('When the traveller corrects the proposed day with a time before it, then their day wins', () => {
    const request = last(
      'I want a car in Tucson',
      agent('Sure, will you collect the car in Tucson on June 2nd and until when do you need it?'),
      'Sure, but I will pick it up at 10:30 on the 5th of June.',
    );

    expect(request.car).toMatchObject({ pickupDate: '2024-06-05', pickupTime: '10:30', dropoffDate: null });
  });
});
