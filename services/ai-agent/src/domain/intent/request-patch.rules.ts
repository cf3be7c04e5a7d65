import type {
  Budget,
  CarRequest,
  DateWindow,
  FlightRequest,
  HotelRequest,
  IntentRequest,
  Party,
  Watch,
} from '@tripwise/contracts';
import { shareMentions } from './mention-owners.rules.ts';
import { scopeOf } from './request-scope.rules.ts';
import { domainsOf, type DomainName } from './request.shapes.ts';
import { carPatch, flightPatch, hotelPatch, type SearchTurn } from './search-patch.rules.ts';
import type { UtteranceReading } from './utterance.reader.ts';

/** What one turn changes. `undefined` leaves a slot as it was; `null` clears it ("any airline"). */
export interface RequestPatch {
  domains: DomainName[];
  /** The searches the turn itself names. */
  named: DomainName[];
  /** The search the turn is about, when it says so: the one the next question will be about. */
  focus: DomainName | null;
  act: UtteranceReading['topics']['act'];
  /** The turn is worded as a change ("make it", "actually", "instead"). */
  refine: boolean;
  flight: Partial<FlightRequest>;
  hotel: Partial<HotelRequest>;
  car: Partial<CarRequest>;
  /** "for 3 days" said of a rental: the drop-off follows the pick-up by that much. */
  rentalDays: number | null;
  budget: Budget | undefined;
  watch: Watch | undefined;
  /** The period named instead of a day; null when the turn named a day; undefined when it named no date at all. */
  dateWindow: DateWindow | null | undefined;
  /** How the party splits, when the turn named children or infants. */
  party: Party | undefined;
}

// A turn that names only periods ("in March", "a weekend") leaves the days open within them; one day said outright
// closes them.
function dateWindowOf(reading: UtteranceReading): DateWindow | null | undefined {
  if (reading.dates.length === 0) return undefined;
  if (reading.dates.some((date) => !date.vague)) return null;
  return reading.dates.find((date) => date.window)?.window ?? null;
}

function moneyPatch(reading: UtteranceReading, previous: IntentRequest): Pick<RequestPatch, 'budget' | 'watch'> {
  const ceiling = reading.money.find((mention) => mention.bound !== 'min');
  // An amount said right after "below what price should I let you know?" answers it.
  if (reading.topics.act === 'watch' || previous.missing.includes('watchThreshold')) {
    const watched = ceiling ?? reading.money[0];
    if (watched === undefined && reading.inventoryBelow === null) {
      return { budget: undefined, watch: undefined };
    }
    return { budget: undefined, watch: { priceBelow: watched?.money ?? null, inventoryBelow: reading.inventoryBelow } };
  }
  const budget = ceiling ? { ...ceiling.money, per: ceiling.per } : undefined;
  return { budget, watch: undefined };
}

/** Turns one reading into the changes it makes to the conversation's request. */
export function buildPatch(
  reading: UtteranceReading,
  previous: IntentRequest,
  focus: DomainName | null = null,
): RequestPatch {
  const { domains, named, spoken, primary } = scopeOf(reading, previous, focus);
  const { places, dates, times, periods } = reading;
  const mine = shareMentions(reading.text, { places, dates, times, periods }, domains, primary);
  const turn = (domain: DomainName, tripStart: string | null): SearchTurn => ({
    reading,
    previous,
    mine: mine[domain],
    tripStart,
  });
  // A stay or a rental said in the same breath as a flight starts when the flight leaves unless told otherwise.
  const flight = domains.includes('flight') ? flightPatch(turn('flight', null)) : {};
  const flightStart = flight.departDate ?? previous.flight?.departDate ?? null;
  const hotel = domains.includes('hotel') ? hotelPatch(turn('hotel', flightStart), primary === 'car') : {};
  const car = domains.includes('car')
    ? carPatch(turn('car', hotel.checkIn ?? previous.hotel?.checkIn ?? flightStart))
    : {};
  return {
    domains,
    named,
    focus: spoken.at(-1) ?? (domainsOf(previous).length === 0 ? (domains[0] ?? null) : null),
    act: reading.topics.act,
    refine: reading.topics.refine,
    flight,
    hotel,
    car,
    rentalDays: primary === 'car' ? reading.hotel.days : null,
    dateWindow: dateWindowOf(reading),
    party: reading.party.split ?? undefined,
    ...moneyPatch(reading, previous),
  };
}
