// The price breakdown shown before booking: the booking service's own rules (shared through contracts), so the
// preview is what the booking charges. The booking's answer still carries the authoritative lines.
import { priceItem, totalOf } from '@tripwise/contracts';

export interface PricedLine {
  kind: 'flight' | 'room' | 'car';
  unitPrice: number;
  quantity: number;
  units: number;
}

export interface Breakdown {
  subtotal: number;
  lines: { label: string; amount: number }[];
  total: number;
}

export function breakdownOf(lines: PricedLine[]): Breakdown {
  const totals = totalOf(lines.map((line) => priceItem(line)));
  return { subtotal: totals.subtotal, lines: [...totals.taxes, ...totals.fees], total: totals.total };
}
