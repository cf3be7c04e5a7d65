import type { NetworkScale } from '@tripwise/travel-data/network';

/** How much inventory to make. Named scales are seeded at most once per database (see inventory_seed). */
export interface InventoryScale extends NetworkScale {
  /** Recorded in inventory_seed.scale. */
  name: string;
  /** Days of flights from the start date; a rolling window keeps this many ahead (see roll-window.use-case.ts). */
  days: number;
  hotels: number;
  cars: number;
}

export const INVENTORY_SCALES = {
  /**
   * What the embedded PGlite gets on first start: every busy city, the calibrated network at three tenths of its
   * frequencies (the busiest pairs still several nonstops a day), two months ahead, kept rolling forward.
   */
  demo: {
    name: 'demo',
    days: 60,
    airports: 100,
    frequencyFactor: 0.3,
    hotels: 2_000,
    cars: 1_000,
  },
  /** For benchmarks on PostgreSQL: the calibrated network at its full frequencies. */
  large: {
    name: 'large',
    days: 60,
    airports: 100,
    frequencyFactor: 1,
    hotels: 100_000,
    cars: 20_000,
  },
} as const satisfies Record<string, InventoryScale>;

export type InventoryScaleName = keyof typeof INVENTORY_SCALES;

export function isInventoryScaleName(name: string): name is InventoryScaleName {
  return Object.hasOwn(INVENTORY_SCALES, name);
}
