import type { Stated } from './agent-constraints.check.ts';

// Requests of our own writing, each with what it states written out by hand. The demo inventory is generated from
// today, so dates are days from today, said as a traveler says them ("December 18"). `unsatisfiable`: no exact
// answer can exist (a budget far below any price), so the answer must be labelled alternatives.

export interface AgentCase {
  text: string;
  stated: Stated;
  unsatisfiable?: boolean;
}

const DAY_MS = 86_400_000;
export const isoIn = (days: number, from = Date.now()) => new Date(from + days * DAY_MS).toISOString().slice(0, 10);
const spoken = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });

export function agentCases(from = Date.now()): AgentCase[] {
  const d = (days: number) => isoIn(days, from);
  const s = (days: number) => spoken(d(days));
  const F = ['flight'] as Stated['parts'];
  const H = ['hotel'] as Stated['parts'];
  const C = ['car'] as Stated['parts'];
  const FH = ['flight', 'hotel'] as Stated['parts'];
  const FHC = ['flight', 'hotel', 'car'] as Stated['parts'];
  const FC = ['flight', 'car'] as Stated['parts'];
  return [
    // Flights.
    {
      text: `One way from New York to Los Angeles on ${s(10)}`,
      stated: { parts: F, from: 'NYC', to: 'LAX', depart: d(10), oneWay: true },
    },
    {
      text: `Nonstop flight from Chicago to Atlanta on ${s(8)}`,
      stated: { parts: F, from: 'CHI', to: 'ATL', depart: d(8), maxStops: 0 },
    },
    {
      text: `Boston to Denver on ${s(12)}, back ${s(15)}, nonstop`,
      stated: { parts: F, from: 'BOS', to: 'DEN', depart: d(12), back: d(15), maxStops: 0 },
    },
    {
      text: `2 tickets from Seattle to San Francisco on ${s(9)}`,
      stated: { parts: F, from: 'SEA', to: 'SFO', depart: d(9), party: 2 },
    },
    {
      text: `Business class from JFK to LAX on ${s(11)}`,
      stated: { parts: F, from: 'JFK', to: 'LAX', depart: d(11), cabin: 'business' },
    },
    {
      text: `Delta only, Atlanta to New York ${s(7)}`,
      stated: { parts: F, from: 'ATL', to: 'NYC', depart: d(7), airline: 'DL' },
    },
    {
      text: `Flight from Dallas to Miami on ${s(14)} under $400`,
      stated: { parts: F, from: 'DFW', to: 'MIA', depart: d(14), budget: 40_000 },
    },
    {
      text: `Cheapest flight from Houston to Chicago on ${s(10)}`,
      stated: { parts: F, from: 'HOU', to: 'CHI', depart: d(10) },
    },
    {
      text: `SFO to Seattle ${s(6)} returning ${s(9)} for 3 people`,
      stated: { parts: F, from: 'SFO', to: 'SEA', depart: d(6), back: d(9), party: 3 },
    },
    {
      text: `Washington to Orlando on ${s(13)}, at most one stop`,
      stated: { parts: F, from: 'WAS', to: 'MCO', depart: d(13), maxStops: 1 },
    },
    // Hotels.
    {
      text: `Hotel in Chicago from ${s(10)} to ${s(13)}`,
      stated: { parts: H, hotelIn: 'CHI', checkIn: d(10), checkOut: d(13) },
    },
    {
      text: `4-star hotel in Miami for 3 nights from ${s(12)}`,
      stated: { parts: H, hotelIn: 'MIA', checkIn: d(12), checkOut: d(15), minStars: 4 },
    },
    {
      text: `Hotel with a pool in Las Vegas ${s(8)} to ${s(10)}`,
      stated: { parts: H, hotelIn: 'LAS', checkIn: d(8), checkOut: d(10), amenities: ['pool'] },
    },
    {
      text: `A hotel in Boston ${s(9)} to ${s(11)} under $250 a night`,
      stated: { parts: H, hotelIn: 'BOS', checkIn: d(9), checkOut: d(11), maxNightly: 25_000 },
    },
    {
      text: `5-star hotel in New York ${s(14)} to ${s(16)} with a spa`,
      stated: { parts: H, hotelIn: 'NYC', checkIn: d(14), checkOut: d(16), minStars: 5, amenities: ['spa'] },
    },
    {
      text: `Two rooms for 4 guests in Denver ${s(7)} to ${s(9)}`,
      stated: { parts: H, hotelIn: 'DEN', checkIn: d(7), checkOut: d(9), party: 4 },
    },
    {
      text: `Pet friendly hotel in Seattle ${s(10)} to ${s(12)}`,
      stated: { parts: H, hotelIn: 'SEA', checkIn: d(10), checkOut: d(12), amenities: ['pet_friendly'] },
    },
    // Cars.
    {
      text: `Rent a car in Denver from ${s(10)} to ${s(13)}`,
      stated: { parts: C, carAt: 'DEN', pickup: d(10), dropoff: d(13) },
    },
    {
      text: `Rent an SUV in Phoenix ${s(8)} to ${s(11)}`,
      stated: { parts: C, carAt: 'PHX', pickup: d(8), dropoff: d(11), carType: 'suv' },
    },
    {
      text: `Compact car at LAX ${s(12)} to ${s(14)}`,
      stated: { parts: C, carAt: 'LAX', pickup: d(12), dropoff: d(14), carType: 'compact' },
    },
    {
      text: `A car in Orlando from ${s(9)} to ${s(16)}`,
      stated: { parts: C, carAt: 'MCO', pickup: d(9), dropoff: d(16) },
    },
    // Whole trips.
    {
      text: `Boston to Denver ${s(12)}, back ${s(14)}, 2 people, 4-star hotel with a pool, and a rental car`,
      stated: {
        parts: FHC,
        from: 'BOS',
        to: 'DEN',
        depart: d(12),
        back: d(14),
        party: 2,
        minStars: 4,
        amenities: ['pool'],
        checkIn: d(12),
        checkOut: d(14),
        pickup: d(12),
        dropoff: d(14),
      },
    },
    {
      text: `New York to Miami ${s(10)} to ${s(13)} with a hotel, budget $1,500 total`,
      stated: { parts: FH, from: 'NYC', to: 'MIA', depart: d(10), back: d(13), budget: 150_000 },
    },
    {
      text: `Chicago to Las Vegas ${s(15)} returning ${s(17)}, hotel and car, 2 travelers, under $2,000`,
      stated: { parts: FHC, from: 'CHI', to: 'LAS', depart: d(15), back: d(17), party: 2, budget: 200_000 },
    },
    {
      text: `Atlanta to Orlando ${s(9)} back ${s(12)}, 3-star hotel or better, nonstop`,
      stated: { parts: FH, from: 'ATL', to: 'MCO', depart: d(9), back: d(12), minStars: 3, maxStops: 0 },
    },
    {
      text: `Seattle to Los Angeles ${s(11)}, back ${s(13)}, hotel with free cancellation`,
      stated: { parts: FH, from: 'SEA', to: 'LAX', depart: d(11), back: d(13), amenities: ['free_cancellation'] },
    },
    {
      text: `Dallas to Denver ${s(16)} back ${s(19)}, hotel with breakfast, and an SUV`,
      stated: {
        parts: FHC,
        from: 'DFW',
        to: 'DEN',
        depart: d(16),
        back: d(19),
        amenities: ['breakfast'],
        carType: 'suv',
      },
    },
    {
      text: 'Boston to Denver next Friday, back Sunday, under $900, nonstop, 4-star hotel with a pool',
      stated: {
        parts: FH,
        from: 'BOS',
        to: 'DEN',
        fridayToSunday: true,
        budget: 90_000,
        maxStops: 0,
        minStars: 4,
        amenities: ['pool'],
      },
    },
    {
      text: `LA to New York ${s(8)} back ${s(10)} in first class, with a 5-star hotel`,
      stated: { parts: FH, from: 'LAX', to: 'NYC', depart: d(8), back: d(10), cabin: 'first', minStars: 5 },
    },
    {
      text: `Miami to Chicago ${s(13)} back ${s(16)}, hotel under $150 a night`,
      stated: { parts: FH, from: 'MIA', to: 'CHI', depart: d(13), back: d(16), maxNightly: 15_000 },
    },
    {
      text: `San Francisco to Boston ${s(10)}, back ${s(14)}, 2 adults and a kid, hotel with a pool`,
      stated: { parts: FH, from: 'SFO', to: 'BOS', depart: d(10), back: d(14), party: 3, amenities: ['pool'] },
    },
    {
      text: `Philadelphia to Orlando ${s(12)} back ${s(16)}, nonstop, family of four, hotel with breakfast`,
      stated: {
        parts: FH,
        from: 'PHL',
        to: 'MCO',
        depart: d(12),
        back: d(16),
        maxStops: 0,
        party: 4,
        amenities: ['breakfast'],
      },
    },
    {
      text: `Denver to Phoenix ${s(9)} back ${s(11)}, flight and a compact car`,
      stated: { parts: FC, from: 'DEN', to: 'PHX', depart: d(9), back: d(11), carType: 'compact' },
    },
    // No exact answer can exist: the budget is far below any price.
    {
      text: `Flight from New York to Los Angeles on ${s(10)} under $40`,
      stated: { parts: F, from: 'NYC', to: 'LAX', depart: d(10), budget: 4_000 },
      unsatisfiable: true,
    },
    {
      text: `5-star hotel in Denver ${s(9)} to ${s(11)} under $40 a night`,
      stated: { parts: H, hotelIn: 'DEN', checkIn: d(9), checkOut: d(11), minStars: 5, maxNightly: 4_000 },
      unsatisfiable: true,
    },
    {
      text: `Boston to Denver ${s(12)} back ${s(14)} with a 4-star hotel, total budget $200`,
      stated: { parts: FH, from: 'BOS', to: 'DEN', depart: d(12), back: d(14), minStars: 4, budget: 20_000 },
      unsatisfiable: true,
    },
    {
      text: `Hotel in Miami ${s(10)} to ${s(12)} under $30 a night`,
      stated: { parts: H, hotelIn: 'MIA', checkIn: d(10), checkOut: d(12), maxNightly: 3_000 },
      unsatisfiable: true,
    },
    {
      text: `Car in Denver ${s(10)} to ${s(12)} under $20`,
      stated: { parts: C, carAt: 'DEN', pickup: d(10), dropoff: d(12), budget: 2_000 },
      unsatisfiable: true,
    },
    {
      text: `Chicago to Miami ${s(9)} back ${s(12)}, 2 people, hotel and car, under $300`,
      stated: { parts: FHC, from: 'CHI', to: 'MIA', depart: d(9), back: d(12), party: 2, budget: 30_000 },
      unsatisfiable: true,
    },
    {
      text: `One way Seattle to Atlanta ${s(11)} in first class, nonstop, under $100`,
      stated: { parts: F, from: 'SEA', to: 'ATL', depart: d(11), cabin: 'first', maxStops: 0, budget: 10_000 },
      unsatisfiable: true,
    },
    {
      text: `Nonstop from Boston to Honolulu on ${s(12)}`,
      stated: { parts: F, from: 'BOS', to: 'HNL', depart: d(12), maxStops: 0 },
    },
    {
      text: `5-star hotel with a pool, a spa and an airport shuttle that takes pets in Boston ${s(8)} to ${s(10)}`,
      stated: {
        parts: H,
        hotelIn: 'BOS',
        checkIn: d(8),
        checkOut: d(10),
        minStars: 5,
        amenities: ['pool', 'spa', 'airport_shuttle', 'pet_friendly'],
      },
    },
    // Somewhere warm (Explore).
    {
      text: 'SFO to anywhere warm, total budget $1,000 for two',
      stated: { parts: F, from: 'SFO', party: 2, budget: 100_000, theme: 'warm' },
    },
    { text: 'Somewhere warm from Seattle', stated: { parts: F, from: 'SEA', theme: 'warm' } },
    {
      text: 'A beach trip from Chicago, anywhere under $800',
      stated: { parts: F, from: 'CHI', budget: 80_000, theme: 'beach' },
    },
  ];
}
