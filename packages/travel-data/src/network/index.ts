// The generated flight network: airports and airlines, how often each pair is flown (calibrated in
// CALIBRATION.md), the weekly timetable and each day's flights; and the rules connections are built by.
export { AIRLINE_PROFILES, type AirlineProfile } from './airline-profiles.ts';
export { CABINS, baseEconomyUsd, planCabins, type Cabin, type CabinPlan } from './flight-fares.ts';
export { blockMinutes } from './flight-timing.ts';
export { flightsOnDay, type FlightLeg } from './flight-legs.ts';
export { ALLIANCES, CONNECTING_HUB, allianceOf, hubStrength, sellsThrough } from './hubs.ts';
export { cityCodeOf, networkAirports, type NetworkAirport } from './network-airports.ts';
export type { NetworkScale } from './network-scale.ts';
export { FREQUENCY_MODEL, dailyNonstops, planRoutes, type PlannedRoute } from './route-frequencies.ts';
export { pickWeekdays, shareOut } from './share-out.ts';
export { flightTimetable, type FlightService } from './timetable.ts';
export { minimumConnectMinutes } from './connect-times.ts';
