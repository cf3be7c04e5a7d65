export interface PriceMove {
  price: number;
  reason: 'drift' | 'promotion' | 'scarcity';
}

export interface MarketRandom {
  /** Uniform in [0, 1). */
  next(): number;
}

const REVERSION = 0.2;
const VOLATILITY = 0.04;
const PROMOTION_CHANCE = 0.02;
const SCARCE_BELOW = 0.1;

/** Roughly normal noise (sum of uniforms), mean 0 and standard deviation 1. */
function gaussian(random: MarketRandom): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += random.next();
  return sum - 6;
}

/**
 * One step of a unit's price: it drifts back toward its base (mean-reverting with noise); now and then a
 * promotion cuts 10–25% below base; when little is left (under 10% of seats, or the last rooms or cars) it rises
 * 10–30% above. Prices stay between half and two and a half times the base, in whole dollars.
 */
export function nextPrice(
  unit: { current: number; base: number; fractionLeft: number },
  random: MarketRandom,
): PriceMove {
  const { current, base } = unit;
  let price = current + REVERSION * (base - current) + VOLATILITY * base * gaussian(random);
  let reason: PriceMove['reason'] = 'drift';
  if (unit.fractionLeft < SCARCE_BELOW) {
    price = Math.max(price, base * (1.1 + 0.2 * random.next()));
    reason = 'scarcity';
  } else if (random.next() < PROMOTION_CHANCE) {
    price = base * (0.75 + 0.15 * random.next());
    reason = 'promotion';
  }
  const bounded = Math.min(2.5 * base, Math.max(0.5 * base, price));
  return { price: Math.max(100, Math.round(bounded / 100) * 100), reason };
}
