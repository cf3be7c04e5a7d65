// What the concierge sends back: the shapes live in packages/contracts (agent-results.ts), shared with the agent so
// the two never drift apart. A bundle's flight, hotel and car are search's answers.
import type { AgentBundle, AgentJobEvent, FlightOption, FlightPair } from '@tripwise/contracts';

export type {
  BundleCar,
  BundleHotel,
  BundleLabel,
  FlightPair,
  PlanFailure,
  PlanProgress,
  PlanResult,
  PlanStage,
  Relaxation,
  SessionHistory,
} from '@tripwise/contracts';

/** One flight of a bundle: search's own answer for it. */
export type FlightLeg = FlightOption;

export type Bundle = AgentBundle;

export type JobEvent = AgentJobEvent;

export const legsOf = (flight: FlightLeg | FlightPair): FlightLeg[] =>
  'outbound' in flight ? [flight.outbound, flight.return] : [flight];
