/** How big a generated network is: one generator, several sizes (the demo that `npm start` seeds, the benchmark's). */
export interface NetworkScale {
  /** How many of the busiest airports are served (at most BUSY_AIRPORTS.length). */
  airports: number;
  /** Every pair's frequencies times this: 1 is the calibrated network (CALIBRATION.md), less thins it out. */
  frequencyFactor: number;
  /** Pairs in two countries get this factor instead, when given: the demo keeps home networks dense, thins abroad. */
  internationalFactor?: number;
}
