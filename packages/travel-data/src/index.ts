export { AIRLINES, airlineByCode, type Airline } from './airlines.ts';
export { airportByCode, allAirports, type Airport } from './airports.ts';
export { BUSY_AIRPORTS, trafficRank } from './busy-airports.ts';
export { greatCircleKm } from './geo.ts';
export { METRO_AREAS, airportsOf, metroArea } from './metro-areas.ts';
export { wallClockIn, type WallClock } from './wall-clock.ts';
