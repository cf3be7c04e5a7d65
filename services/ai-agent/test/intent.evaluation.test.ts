import { describe, expect, onTestFinished, test } from 'vitest';
import { createIntentLlm } from '../src/domain/intent/llm/intent-llm.ts';
import { emptyFlight, emptyRequest } from '../src/domain/intent/request.shapes.ts';
import { llmReader } from '../src/evaluation/llm-reader.ts';
import { completion, givenAnLlmServer } from './intent.llm.server.ts';
import { readEvalLine, rulesReader, scoreTurns, type EvalTurn } from '../src/evaluation/intent-score.rules.ts';
import { goldState, sameValue, toSgdState } from '../src/evaluation/sgd-slots.mapping.ts';
import { read } from './intent.fixtures.ts';

const OPTIONS_2019 = { now: new Date('2019-03-01T12:00:00Z'), timeZone: 'UTC' };

function line(
  id: string,
  utterance: string,
  state: Record<string, string>,
  selfContained: boolean,
  context: string[] = [],
): EvalTurn {
  const turn = readEvalLine(JSON.stringify({ id, utterance, state, self_contained: selfContained, context }));
  if (turn === null) throw new Error(`unreadable test line ${id}`);
  return turn;
}

describe('evaluation: mapping our request to SGD slots', () => {
  test('When a flight request is mapped, then cities, the airline name and the cabin use SGD words', () => {
    const request = read('Two premium economy seats on Delta from Boston to Washington D.C.', 'search_flights');

    expect(toSgdState(request, 'flights')).toEqual({
      origin: 'Boston',
      destination: 'Washington',
      airline: 'Delta Airlines',
      passengers: '2',
      cabin_class: 'Premium Economy',
    });
  });

  test('When car classes and star ratings are mapped, then they fold into SGD values', () => {
    expect(toSgdState(read('an intermediate car in Austin'), 'cars')).toMatchObject({ car_type: 'Standard' });
    expect(toSgdState(read('a large car in Austin'), 'cars')).toMatchObject({ car_type: 'Full-size' });
    expect(toSgdState(read('a 3 star hotel in Austin with wifi'), 'hotels')).toMatchObject({
      stars: '3',
      amenity_wifi: 'True',
    });
  });

  test('When a label says "dontcare" or names a slot we do not score, then it is left out of the gold state', () => {
    expect(goldState({ cabin_class: 'dontcare', checked_bags: '0', origin: 'Boston' }, 'flights')).toEqual({
      origin: 'Boston',
    });
  });

  test('When cities differ only in spelling, then they compare equal; dates must match exactly', () => {
    expect(sameValue('destination', 'Washington D.C.', 'Washington')).toBe(true);
    expect(sameValue('airline', 'Delta Air Lines', 'Delta Airlines')).toBe(true);
    expect(sameValue('departure_date', '2019-03-05', '2019-03-06')).toBe(false);
  });
});

describe('evaluation: scoring', () => {
  const rules = rulesReader(OPTIONS_2019);

  test('When a dialogue is scored, then single turns, whole states and whole dialogues are counted', async () => {
    const turns = [
      line(
        'dev:9_001:0:Flights_9',
        'I want to fly from Boston to Denver',
        { origin: 'Boston', destination: 'Denver' },
        true,
      ),
      line(
        'dev:9_001:2:Flights_9',
        'on the 5th',
        { origin: 'Boston', destination: 'Denver', departure_date: '2019-03-05' },
        false,
        ['USER: I want to fly from Boston to Denver', 'SYSTEM: When do you leave?'],
      ),
      line('dev:9_002:0:Flights_9', 'I want to leave on the 7th', { departure_date: '2019-03-08' }, true),
    ];

    const [score] = await scoreTurns(turns, rules);

    expect(score?.selfContained).toEqual({ correct: 1, total: 2 });
    expect(score?.dialogueTurns).toEqual({ correct: 2, total: 3 });
    expect(score?.dialogues).toEqual({ correct: 1, total: 2 });
    expect(score?.slotsSelfContained.departure_date).toEqual({ correct: 0, total: 1 });
    expect(score?.selfContainedFailures.map((failure) => failure.id)).toEqual(['dev:9_002:0:Flights_9']);
  });

  test('When a turn names no kind of travel, then only its search tells a rental, and the agent turn before it does too', async () => {
    const turns = [
      line('dev:9_010:0:RentalCars_9', 'From Oakland, please.', { pickup_city: 'Oakland' }, true, [
        'USER: I need a rental car',
        'SYSTEM: Where will you pick it up?',
      ]),
      line(
        'dev:9_011:0:RentalCars_9',
        'I need it from Oakland on the 5th',
        { pickup_city: 'Oakland', pickup_date: '2019-03-05' },
        true,
      ),
    ];

    const [score] = await scoreTurns(turns, rules);

    expect(score?.selfContained).toEqual({ correct: 1, total: 2 });
    expect(score?.selfContainedInSearch).toEqual({ correct: 2, total: 2 });
    // Replayed, the first dialogue has its opening user turn (from the context) and the agent's question.
    expect(score?.dialogueTurns).toEqual({ correct: 2, total: 2 });
    expect(score?.selfContainedFailures.map((failure) => failure.id)).toEqual(['dev:9_010:0:RentalCars_9']);
  });

  test('When a label names a hotel the system offered, then only the all-slots figure counts it', async () => {
    const turns = [
      line('dev:9_020:0:Hotels_9', 'A hotel in Paris please', { city: 'Paris' }, true),
      line('dev:9_020:2:Hotels_9', 'That sounds great.', { city: 'Paris', hotel_name: 'Hotel Lutetia' }, false, [
        'USER: A hotel in Paris please',
        'SYSTEM: How about Hotel Lutetia, a 5 star hotel?',
      ]),
    ];

    const [score] = await scoreTurns(turns, rules);

    expect(score?.dialogueTurns).toEqual({ correct: 2, total: 2 });
    expect(score?.dialogueTurnsAllSlots).toEqual({ correct: 1, total: 2 });
  });

  test('When a dialogue spans two files, then it is replayed once and each turn scored in its own domain', async () => {
    const turns = [
      line('dev:9_030:0:Hotels_9', 'Find me a hotel in Denver', { city: 'Denver' }, true),
      line(
        'dev:9_030:2:Flights_9',
        'I also need a flight there from Boston',
        { origin: 'Boston', destination: 'Denver' },
        false,
        ['USER: Find me a hotel in Denver', 'SYSTEM: I found the Crawford Hotel, a 4 star hotel.'],
      ),
    ];

    const scores = await scoreTurns(turns, rules);

    expect(scores.map((score) => [score.domain, score.dialogueTurns])).toEqual([
      ['flights', { correct: 1, total: 1 }],
      ['hotels', { correct: 1, total: 1 }],
    ]);
  });

  test('When a line is not a labelled turn, then it is skipped rather than crashing the run', () => {
    expect(
      readEvalLine('{"id": "dev:1:0:Trains_1", "utterance": "x", "state": {}, "self_contained": true}'),
    ).toBeNull();
    expect(readEvalLine('not json')).toBeNull();
  });
});

describe('evaluation: the LLM column', () => {
  test('When an LLM is configured, then it reads every turn, hears the agent, and its answers are scored', async () => {
    const answer = {
      ...emptyRequest(),
      intent: 'search_flights',
      flight: {
        ...emptyFlight(),
        origin: { code: 'BOS', city: 'Boston' },
        destination: { code: 'DEN', city: 'Denver' },
      },
    };
    const server = await givenAnLlmServer(() => completion(answer));
    onTestFinished(() => server.close());
    const llm = createIntentLlm({
      baseUrl: server.baseUrl,
      apiKey: 'sk-test-key',
      model: 'test-model',
      timeoutMs: 2_500,
    });
    const turns = [
      line('dev:9_040:0:Flights_9', 'Boston to Denver please', { origin: 'Boston', destination: 'Denver' }, true),
      line(
        'dev:9_040:2:Flights_9',
        'on the 5th',
        { origin: 'Boston', destination: 'Denver', departure_date: '2019-03-05' },
        false,
        ['USER: Boston to Denver please', 'SYSTEM: When do you want to leave?'],
      ),
    ];

    const [score] = await scoreTurns(turns, llmReader(llm, OPTIONS_2019));

    // The stand-in always answers Boston to Denver with no date: right alone, wrong once the 5th was said.
    expect(score?.selfContained).toEqual({ correct: 1, total: 1 });
    expect(score?.dialogueTurns).toEqual({ correct: 1, total: 2 });
    const system = server.calls.map((call) => call.body.messages[0].content as string);
    expect(system.some((content) => content.includes('When do you want to leave?'))).toBe(true);
  });
});
