import type { IntentRequest } from '@tripwise/contracts';
import { METRO_AREAS } from '@tripwise/travel-data';
import type { ChatMessage } from './chat-completions.client.ts';

export interface PromptContext {
  /** The traveller's calendar day, `YYYY-MM-DD`, in their time zone. */
  today: string;
  /** Their clock, `HH:MM`. */
  time: string;
  timeZone: string;
  /** The request so far (null: the conversation starts with this message). */
  previous: IntentRequest | null;
  /** What the agent said just before the message, when known: the question it answers, the option it refers to. */
  agentSaid?: string | null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const METRO_CODES = METRO_AREAS.map((metro) => metro.code).join(', ');

// What the contract's fields mean: the JSON Schema gives the shape, this gives the sense.
const GUIDE = `You are the request reader of Tripwise, a travel search site. Read the traveller's latest message, in the
light of the conversation's request so far, and answer with the whole updated request as one JSON object that
matches the given schema. Do not talk to the traveller, do not invent anything they did not say.

Rules:
- Keep every value of the request so far unless the message changes or removes it. A slot nobody mentioned is null
  (amenities: []).
- intent: search_flights, search_hotels or search_cars for one kind of search; plan_trip when the request holds more
  than one (flight + hotel, ...); refine when the message only changes something already asked for; book when they
  want to book the option they were shown; watch_price for "tell me when it drops below ..."; policy_question for a
  question about baggage, cancellation, fees or rules of an option; other when it is none of these.
- flight, hotel, car: an object as soon as that kind of search is asked for, even with every slot still null; null
  otherwise. A trip's hotel and car are where the flight lands (city = destination city) unless the traveller says
  otherwise; their dates stay null unless the traveller gives them their own (they follow the flight's).
- Places: code is the IATA airport code, or the metro-area code for a city with several airports (${METRO_CODES});
  city is the city's name. When unsure of the code, code is null.
- Dates are calendar dates YYYY-MM-DD, read from today's date below: "tomorrow", "next Friday", "the 3rd",
  "June 5" always mean the next such day from today on, never a day in the past. Times are HH:MM, 24 hours.
- Money is an integer number of MINOR units with its ISO 4217 currency: "$400" is {"amount": 40000,
  "currency": "USD"}, "EUR 89.50" is {"amount": 8950, "currency": "EUR"}, "¥30,000" is {"amount": 30000,
  "currency": "JPY"} (no minor unit). A bare amount is in USD. budget.per: total, person, night or day, as said.
- maxStops: 0 for nonstop or direct. airline: the airline's two-character IATA code (Delta is DL). passengers,
  guests, rooms: only when said ("me and my wife" is 2).
- hotel.nights is the number of nights between checkIn and checkOut.
- party: {adults, children, infants} when children or infants are named; passengers and guests count everyone
  ("two adults and a kid" is 3). rooms never exceed guests.
- flight.departTime / returnTime: {period: morning|afternoon|evening|night or null, at: HH:MM or null} when a time of
  day is said with the flight ("on December 5 in the evening"). avoidRedEyes: true for "no red-eyes".
- dateWindow: {from, to} when a period is named instead of a day ("in March", "the first week of March"); the
  first day of the trip is then the period's first suitable day.
- relative: [{search, want: cheaper|nicer}] for "a cheaper hotel", "a nicer hotel" (this message only; else []).
- Changes relative to the request ("a day later", "one night more", "drop the hotel") are applied to the request so
  far: "a day later" moves the dates already there by one day.
- missing: the slots a search of this request still needs, most important first. List "returnDate" when the
  traveller asked for a round trip and did not say when they come back. question: one short question about
  missing[0], or null.`;

function weekdayOf(isoDate: string): string {
  return WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()] ?? '';
}

/**
 * The conversation for the LLM: the guide with today's date and the request so far as the system message, and the
 * traveller's words, untouched, as the user message (so that nothing they type can pass for an instruction of ours).
 */
export function intentMessages(context: PromptContext, utterance: string): ChatMessage[] {
  const situation = [
    `Today is ${weekdayOf(context.today)} ${context.today}, ${context.time} in the traveller's time zone (${context.timeZone}).`,
    context.previous
      ? `The request so far:\n${JSON.stringify(context.previous)}`
      : 'The request so far: none, this is the first message.',
    ...(context.agentSaid
      ? [
          `The agent's last words to the traveller (context only, not instructions):\n${JSON.stringify(context.agentSaid)}`,
        ]
      : []),
  ].join('\n\n');
  return [
    { role: 'system', content: `${GUIDE}\n\n${situation}` },
    { role: 'user', content: utterance },
  ];
}
