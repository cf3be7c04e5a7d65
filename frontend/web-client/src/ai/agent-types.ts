// What the concierge sends back, as the web client reads it (services/ai-agent/src/domain/planning/bundle.types.ts
// and services/ai-agent/src/domain/chat/chat.use-case.ts are the source of these shapes).
import type { PlanProgress, PlanStage } from '@tripwise/contracts';
import type { Money } from '../ui/format.ts';

export type { PlanProgress, PlanStage };

export interface Airport {
  code: string;
  city: string;
  name?: string;
}

export interface FlightLeg {
  id: string;
  airline: { code: string; name: string };
  flightNumber: string;
  origin: Airport;
  destination: Airport;
  stops: number;
  /** `YYYY-MM-DDTHH:MM` on the departure airport's wall clock. */
  departLocal: string;
  /** `YYYY-MM-DDTHH:MM` on the arrival airport's wall clock. */
  arriveLocal: string;
  durationMin: number;
  refundable: boolean;
  seatsLeft: number;
  price: Money;
  totalPrice: Money;
}

export interface FlightPair {
  id: string;
  outbound: FlightLeg;
  return: FlightLeg;
  totalPrice: Money;
}

export interface BundleHotel {
  id: string;
  name: string;
  city: { code: string; name: string };
  neighborhood: string;
  stars: number;
  rating: number;
  reviewCount: number;
  amenities: string[];
  nightlyPrice: Money;
  totalPrice: Money;
  checkIn: string;
  checkOut: string;
  nights: number;
}

export interface BundleCar {
  id: string;
  company: string;
  carClass: string;
  model: string;
  seats: number;
  location: { code: string; city: string };
  totalPrice: Money;
  pickupDate: string;
  dropoffDate: string;
}

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
