import { describe, expect, test } from 'vitest';
import { parseConversation, type ConversationTurn } from '../src/domain/intent/parse-conversation.ts';
import { OPTIONS, read } from './intent.fixtures.ts';

const agent = (said: string): ConversationTurn => ({ agent: said });
const last = (...turns: ConversationTurn[]) => parseConversation(turns, OPTIONS).at(-1)!;

describe('parseTurn: a room count past the rooms’ star rating', () => {
  test.each([
    ['I need 2 three-star hotel rooms in Denver', 2, 3],
    ['book three 4 star rooms in Austin please', 3, 4],
    ['could I get one five-star hotel room in Miami', 1, 5],
    ['a 4-star hotel in Austin with 2 rooms', 2, 4],
  ])('When the traveller asks for "%s", then rooms is %s and minStars %s', (utterance, rooms, minStars) => {
    expect(read(utterance).hotel).toMatchObject({ rooms, minStars });
  });
});

describe('parseTurn: one guest takes one room', () => {
  test.each([
    'a hotel room for one in Denver',
    'I need somewhere to stay in Denver, just me',
    'find me a hotel in Denver for 1 guest',
  ])('When the traveller says "%s", then the stay is one room for one guest', (utterance) => {
    expect(read(utterance).hotel).toMatchObject({ city: 'Denver', guests: 1, rooms: 1 });
  });

  test('When two guests are said, then the room count stays open (they may share or not)', () => {
    expect(read('a hotel in Denver for two guests').hotel).toMatchObject({ guests: 2, rooms: null });
  });
});

describe('parseConversation: a confirmation said yes to in other words', () => {
  test.each([
    'That is confirmed.',
    'Everything is correct, thanks.',
    "It's all correct.",
    'That is exactly what I wanted.',
    'You got it all right.',
  ])('When the agent restates the booking and hears "%s", then its values are taken', (answer) => {
    const request = last(
      'a hotel in Denver please',
      agent('Please confirm: 2 rooms for 3 nights at the Maven Hotel in Denver, checking in on June 4th.'),
      answer,
    );

    expect(request.hotel).toMatchObject({ city: 'Denver', rooms: 2, nights: 3, checkIn: '2024-06-04' });
  });

  test('When the traveller answers the restated booking with a no, then nothing is taken', () => {
    const request = last(
      'a hotel in Denver please',
      agent('Please confirm: 2 rooms for 3 nights at the Maven Hotel in Denver, checking in on June 4th.'),
      'No, that is not right.',
    );

    expect(request.hotel).toMatchObject({ rooms: null, checkIn: null });
  });
});
