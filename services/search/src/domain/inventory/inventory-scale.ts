/** How much inventory to make. Named scales are seeded at most once per database (see inventory_seed). */
export interface InventoryScale {
  /** Recorded in inventory_seed.scale. */
  name: string;
  /** Days of flights from the start date. */
  days: number;
  /** How many of the busiest airports get flights, hotels and cars (at most BUSY_AIRPORTS.length). */
  airports: number;
  /** How many partners each airport picks; routes go both ways, so most airports end up with more. */
  partnersPerAirport: number;
  /** Flights are scheduled until there are at least this many in the window. */
  minFlights: number;
  hotels: number;
  cars: number;
}

export const INVENTORY_SCALES = {
  /** What the embedded PGlite gets on first start: every busy city, a few seconds to write. */
  demo: {
    name: 'demo',
    days: 120,
    airports: 100,
    partnersPerAirport: 3,
    minFlights: 100_000,
    hotels: 2_000,
    cars: 1_000,
  },
  /** For benchmarks on PostgreSQL. */
  large: {
    name: 'large',
    days: 365,
    airports: 100,
    partnersPerAirport: 10,
    minFlights: 1_000_000,
    hotels: 100_000,
    cars: 20_000,
  },
} as const satisfies Record<string, InventoryScale>;

export type InventoryScaleName = keyof typeof INVENTORY_SCALES;

export function isInventoryScaleName(name: string): name is InventoryScaleName {
  return Object.hasOwn(INVENTORY_SCALES, name);
}
