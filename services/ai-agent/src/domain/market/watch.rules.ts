/** A watch's components (a bundle has several; a listing or a route one): unit price × multiplier each. */
export interface WatchState {
  components?: { key: string; unitPrice: number; multiplier: number }[];
  /** For a route watch: the flight whose price set it off (it re-arms when that flight rises back). */
  triggeredBy?: string;
  lastPrice?: number;
  lastLeft?: number;
}

export interface WatchThresholds {
  priceBelow: number | null;
  inventoryBelow: number | null;
}

/** The price a watch sees after an event: the unit's new price, or a bundle's total with one component updated. */
export function observedPrice(
  state: WatchState,
  key: string,
  newUnitPrice: number,
): { price: number; state: WatchState } {
  if (!state.components) return { price: newUnitPrice, state: { ...state, lastPrice: newUnitPrice } };
  const components = state.components.map((c) => (c.key === key ? { ...c, unitPrice: newUnitPrice } : c));
  const price = components.reduce((sum, c) => sum + c.unitPrice * c.multiplier, 0);
  return { price, state: { ...state, components, lastPrice: price } };
}

/**
 * Fires once per crossing: when the price (or the units left) goes below the threshold while armed, the watch
 * fires and disarms; once back at or above, it re-arms for the next crossing.
 */
export function crossing(
  watch: WatchThresholds & { armed: boolean },
  observed: { price: number; left: number | null },
): { fire: boolean; armed: boolean } {
  const below =
    (watch.priceBelow !== null && observed.price < watch.priceBelow) ||
    (watch.inventoryBelow !== null && observed.left !== null && observed.left < watch.inventoryBelow);
  if (below && watch.armed) return { fire: true, armed: false };
  if (!below && !watch.armed) return { fire: false, armed: true };
  return { fire: false, armed: watch.armed };
}
