import { describe, expect, test } from 'vitest';
import { parseConversation, type ConversationTurn } from '../src/domain/intent/parse-conversation.ts';
import { OPTIONS } from './intent.fixtures.ts';

const agent = (said: string): ConversationTurn => ({ agent: said });
const last = (...turns: ConversationTurn[]) => parseConversation(turns, OPTIONS).at(-1)!;
const OFFER = agent('There is a full-size Tahoe you can pick up at the airport on May 20th.');

describe('parseConversation: asking for another option in other words leaves the one offered', () => {
  test.each([
    'Is there anything else you can find?',
    'Show me some other available choices.',
    'Could you look for any other similar vehicles?',
    'Do you have a nicer one?',
  ])('When the traveller answers the offer with "%s", then its class is not taken', (answer) => {
    const request = last('I need a car in Omaha from May 20th to May 24th', OFFER, answer);

    expect(request.car).toMatchObject({ pickupCity: 'Omaha', carType: null });
  });

  test('When the traveller takes the offer, then its class is kept (the words above are what differ)', () => {
    const request = last('I need a car in Omaha from May 20th to May 24th', OFFER, 'That works, thanks.');

    expect(request.car?.carType).toBe('full_size');
  });
});

describe('parseConversation: asking to be told about the option keeps it open, even with "want" in it', () => {
  test.each([
    'I want to know the total price before I decide.',
    'First, I would like you to tell me how much it is.',
    'Tell me the rate per day.',
    'total cost?',
  ])('When the traveller answers the offer with "%s", then nothing is taken yet', (answer) => {
    const request = last('I need a car in Omaha from May 20th to May 24th', OFFER, answer);

    expect(request.car?.carType).toBeNull();
  });

  test('When the traveller then asks for another, then the class offered never becomes a wish', () => {
    const request = last(
      'I need a car in Omaha from May 20th to May 24th',
      OFFER,
      'I want to know the total price before I decide.',
      agent('It comes to $212 in total.'),
      'Hmm, search for some other cars.',
    );

    expect(request.car?.carType).toBeNull();
  });
});
