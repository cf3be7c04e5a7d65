// What the concierge sends back, as the web client reads it (services/ai-agent/src/domain/planning/bundle.types.ts
// and services/ai-agent/src/domain/chat/chat.use-case.ts are the source of these shapes; a bundle's flight, hotel
// and car are search's answers, typed by packages/contracts).
import type { CarOption, FlightOption, FlightPair, HotelOption, PlanProgress, PlanStage } from '@tripwise/contracts';
import type { Money } from '../ui/format.ts';

export type { FlightPair, PlanProgress, PlanStage };

/** One flight of a bundle: search's own answer for it. */
export type FlightLeg = FlightOption;

/** A bundle's hotel: search's answer, with the stay it was priced for. */
export type BundleHotel = HotelOption & { checkIn: string; checkOut: string; nights: number };

/** A bundle's car: search's answer, with the rental it was priced for. */
export type BundleCar = CarOption & { pickupDate: string; dropoffDate: string };

export type BundleLabel = 'best-fit' | 'lowest-price' | 'runner-up' | 'most-comfortable';

export interface Bundle {
  id: string;
  label: BundleLabel;
  flight: FlightLeg | FlightPair | null;
  cabin: string | null;
  party: number;
  hotel: BundleHotel | null;
  car: BundleCar | null;
  total: Money;
  fitScore: number;
  whyThis: string;
  whatToWatch: string;
}

export const legsOf = (flight: FlightLeg | FlightPair): FlightLeg[] =>
  'outbound' in flight ? [flight.outbound, flight.return] : [flight];

/** `plan:result`: bundles, or the agent's question, answer or note. */
export interface PlanResult {
  jobId: string;
  seq: number;
  sessionId: string;
  kind: 'bundles' | 'question' | 'answer' | 'nothing' | 'watching' | 'confirm-booking' | (string & {});
  text: string;
  bundles?: Bundle[];
  /** What changed against the previous best pick, in the traveler's terms ("+$38", "now nonstop"). */
  changes?: string[] | null;
  bundleId?: string;
}

/** `plan:error`: cancelled, an unknown place, search refusing, or a failure. */
export interface PlanFailure {
  jobId: string;
  seq: number;
  code: string;
  message: string;
}

export type JobEvent =
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
  bundles: Bundle[];
}
