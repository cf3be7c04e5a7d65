import type { Money } from './common.ts';
import type { PlanProgress } from './agent.ts';
import type { ExploreTheme } from './search-flexible.ts';
import type { CarOption, FlightOption, FlightPair, HotelOption } from './search-results.ts';

// What the AI concierge answers (services/ai-agent/src/domain/planning and chat), shared with the web client so the
// two never drift apart. A bundle's flight, hotel and car are search's own answers (search-results.ts).

export type BundleLabel = 'best-fit' | 'lowest-price' | 'runner-up' | 'most-comfortable' | 'alternative';

/** One stated constraint an alternative does not meet, and how, in the traveler's terms. */
export interface Relaxation {
  kind:
    | 'dates'
    | 'stops'
    | 'airports'
    | 'airline'
    | 'cabin'
    | 'stars'
    | 'distance'
    | 'amenities'
    | 'nightly-price'
    | 'car-type'
    | 'budget';
  /** "leaves Sat, Dec 19 (1 day later)", "one stop instead of nonstop", "$40 over your $900 budget". */
  text: string;
}

/** A bundle's hotel: search's answer, with the stay it was priced for. */
export type BundleHotel = HotelOption & { checkIn: string; checkOut: string; nights: number };

/** A bundle's car: search's answer, with the rental it was priced for. */
export type BundleCar = CarOption & { pickupDate: string; dropoffDate: string };

/** Where a "somewhere warm" bundle goes, as Explore found it. */
export interface BundleDestination {
  code: string;
  city: string;
  country: string;
  /** That month's average daily high there, °C. */
  averageHighC: number | null;
  themes: ExploreTheme[];
}

/** One complete, bookable option: the flight (one way or a pair), the hotel, the car, priced for the whole party. */
export interface AgentBundle {
  id: string;
  label: BundleLabel;
  flight: FlightOption | FlightPair | null;
  /** The cabin the flight is priced in. */
  cabin: string | null;
  /** Travelers: passengers, or hotel guests. */
  party: number;
  hotel: BundleHotel | null;
  car: BundleCar | null;
  total: Money;
  fitScore: number;
  /** What the score is made of, each out of its weight. */
  scoreParts: Record<string, number>;
  /** At most 25 words, from facts in the data. */
  whyThis: string;
  /** At most 12 words. */
  whatToWatch: string;
  /** The stated constraints this bundle does not meet (empty: it meets every one). Absent on older bundles. */
  relaxes?: Relaxation[];
  /** For a trip to "somewhere warm": the destination Explore proposed. */
  destination?: BundleDestination | null;
}

/** `plan:result`: bundles, or the agent's question, answer or note. */
export interface PlanResult {
  jobId: string;
  seq: number;
  sessionId: string;
  /** `alternatives`: nothing met every stated constraint; `bundles` are the nearest, each saying what it relaxes. */
  kind: 'bundles' | 'alternatives' | 'question' | 'answer' | 'nothing' | 'watching' | 'confirm-booking' | (string & {});
  text: string;
  bundles?: AgentBundle[];
  /** What changed against the previous best pick, in the traveler's terms ("+$38", "now nonstop"). */
  changes?: string[] | null;
  /** The stated constraints nothing met, in words ("no nonstop flight BOS → DEN on Fri, Dec 18"). */
  unmet?: string[];
  /** Searches that failed even when retried: the plan is missing these parts. */
  incomplete?: ('flights' | 'hotels' | 'cars')[];
  bundleId?: string;
}

/** `plan:error`: cancelled, an unknown place, search refusing, or a failure. */
export interface PlanFailure {
  jobId: string;
  seq: number;
  code: string;
  message: string;
}

export type AgentJobEvent =
  | { event: 'plan:progress'; payload: PlanProgress }
  | { event: 'plan:result'; payload: PlanResult }
  | { event: 'plan:error'; payload: PlanFailure };

/** `GET /api/ai/sessions/:id`. */
export interface SessionHistory {
  id: string;
  title: string;
  messages: {
    role: 'traveler' | 'agent';
    text: string;
    kind?: string;
    jobId?: string;
    bundleId?: string;
    at: string;
  }[];
  /** The latest options offered in this conversation. */
  bundles: AgentBundle[];
}
