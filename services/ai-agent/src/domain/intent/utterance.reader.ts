import { findAirlines, type AirlineMention } from './airlines.rules.ts';
import type { WallClock } from './calendar.rules.ts';
import { readCarDetails, type CarDetails } from './car-details.rules.ts';
import { findDates, type DateMention } from './dates.rules.ts';
import { questionsAboutOption } from './dialogue-acts.rules.ts';
import { offTopicSpans, readTopics, type TopicReading } from './domains.rules.ts';
import { readFlightDetails, type FlightDetails } from './flight-details.rules.ts';
import { readHotelDetails, type HotelDetails } from './hotel-details.rules.ts';
import { findMoney, type MoneyMention } from './money.rules.ts';
import { COUNT_PATTERN, parseCount } from './numbers.rules.ts';
import { readParty, type PartyReading } from './party.rules.ts';
import { findPlaces, type PlaceMention } from './places.rules.ts';
import { maskSpans, matchAll, normalizeUtterance, spanOf, type Span } from './text.rules.ts';
import { readRefinement, type Refinement } from './refinements.rules.ts';
import { fixTypos } from './typos.rules.ts';
import { findPeriods, findTimes, type PeriodMention, type TimeMention } from './times.rules.ts';

/** Everything one utterance says, before it is fitted into the conversation's request. */
export interface UtteranceReading {
  text: string;
  topics: TopicReading;
  airlines: AirlineMention[];
  flight: FlightDetails;
  car: CarDetails;
  times: TimeMention[];
  periods: PeriodMention[];
  money: MoneyMention[];
  dates: DateMention[];
  party: PartyReading;
  hotel: HotelDetails;
  places: PlaceMention[];
  inventoryBelow: number | null;
  /** Changes relative to the plan: "a day later", "one night more", "drop the hotel", "a cheaper hotel". */
  refinement: Refinement;
  /** "any airline", "any class", "any car": a preference withdrawn. */
  anyAirline: boolean;
  anyCabin: boolean;
  anyCarType: boolean;
}

const INVENTORY = new RegExp(
  `\\b(?:(?<below>fewer than|less than|under|below)\\s+(?<n>${COUNT_PATTERN})\\s+(?:seats?|rooms?|cars?|tickets?|left|remaining|available)|only\\s+(?<only>${COUNT_PATTERN})\\s+(?:(?:seats?|rooms?|cars?|tickets?)\\s+)?(?:left|remaining|available))\\b`,
  'gi',
);

function readInventory(text: string, spans: Span[]): number | null {
  for (const match of matchAll(text, INVENTORY)) {
    const count = parseCount(match.groups?.n ?? match.groups?.only ?? '');
    if (count !== null) {
      spans.push(spanOf(match));
      // "only 3 left" means "3 or fewer", that is, fewer than 4.
      return match.groups?.only ? count + 1 : count;
    }
  }
  return null;
}

/**
 * Reads one utterance. Extractors run from the most specific to the most general and each masks what it took,
 * so that "Delta" is an airline and not a town, "1:30" a time and not a date, and "3 stars" not a party of three.
 */
export function readUtterance(
  utterance: string,
  clock: WallClock,
  carInView: boolean,
  speaker: 'traveller' | 'agent' = 'traveller',
): UtteranceReading {
  const text = fixTypos(normalizeUtterance(utterance));
  const topics = readTopics(text);
  // The agent's questions about an option are offers; only the traveller's are questions about one.
  const asides = speaker === 'agent' ? [] : [...offTopicSpans(text), ...questionsAboutOption(text)];
  let masked = maskSpans(text, asides);
  const refinement = readRefinement(masked);
  masked = maskSpans(masked, refinement.spans);
  const airlines = findAirlines(masked);
  masked = maskSpans(masked, airlines);
  const flight = readFlightDetails(masked);
  masked = maskSpans(masked, flight.spans);
  const car = readCarDetails(masked, carInView || topics.car);
  masked = maskSpans(masked, car.spans);
  const inventorySpans: Span[] = [];
  const inventoryBelow = readInventory(masked, inventorySpans);
  masked = maskSpans(masked, inventorySpans);
  const times = findTimes(masked);
  masked = maskSpans(masked, times);
  const periods = findPeriods(masked);
  masked = maskSpans(masked, periods);
  const money = findMoney(masked);
  masked = maskSpans(masked, money);
  const dates = findDates(masked, clock);
  masked = maskSpans(masked, dates);
  const party = readParty(masked);
  masked = maskSpans(masked, party.spans);
  const hotel = readHotelDetails(masked);
  masked = maskSpans(masked, hotel.spans);
  const places = findPlaces(masked);
  return {
    text,
    topics,
    airlines,
    flight,
    car,
    times,
    periods,
    money,
    dates,
    party,
    hotel,
    places,
    inventoryBelow,
    refinement,
    anyAirline:
      /\b(?:any|whichever|whatever) (?:airline|carrier)|airline (?:doesn'?t|does not) matter|no airline preference\b/i.test(
        text,
      ),
    anyCabin: /\b(?:any|whichever|whatever) (?:class|cabin|seat class)|class (?:doesn'?t|does not) matter\b/i.test(
      text,
    ),
    anyCarType:
      /\b(?:any|whichever|whatever) (?:kind|type|sort|size|class|car|vehicle|model)\b|\bany (?:car|one) (?:is|will do)|type (?:doesn'?t|does not) matter\b/i.test(
        text,
      ),
  };
}
