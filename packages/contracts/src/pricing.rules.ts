export interface PriceLine {
  label: string;
  amount: number;
}

export interface ItemPrice {
  subtotal: number;
  taxes: PriceLine[];
  fees: PriceLine[];
}

const percent = (amount: number, rate: number) => Math.round(amount * rate);
export const sumOf = (lines: PriceLine[]) => lines.reduce((total, line) => total + line.amount, 0);

/**
 * What one item costs: its unit price × quantity (seats, rooms, cars) × units (nights, days), plus the taxes and
 * fees a traveler would see on a US booking. All in minor units; each line is rounded once, to the cent.
 */
export function priceItem(item: {
  kind: 'flight' | 'room' | 'car';
  unitPrice: number;
  quantity: number;
  units: number;
}): ItemPrice {
  const subtotal = item.unitPrice * item.quantity * item.units;
  switch (item.kind) {
    case 'flight':
      return {
        subtotal,
        taxes: [{ label: 'US transportation tax (7.5%)', amount: percent(subtotal, 0.075) }],
        fees: [{ label: 'September 11th security fee', amount: 560 * item.quantity }],
      };
    case 'room':
      return { subtotal, taxes: [{ label: 'Occupancy tax (12%)', amount: percent(subtotal, 0.12) }], fees: [] };
    case 'car':
      return {
        subtotal,
        taxes: [{ label: 'Sales tax (8%)', amount: percent(subtotal, 0.08) }],
        fees: [{ label: 'Customer facility charge', amount: 600 * item.units }],
      };
  }
}

/** The booking's totals, with lines of the same label added up. */
export function totalOf(items: ItemPrice[]) {
  const merge = (lines: PriceLine[]) => {
    const byLabel = new Map<string, number>();
    for (const line of lines) byLabel.set(line.label, (byLabel.get(line.label) ?? 0) + line.amount);
    return [...byLabel].map(([label, amount]) => ({ label, amount }));
  };
  const taxes = merge(items.flatMap((i) => i.taxes));
  const fees = merge(items.flatMap((i) => i.fees));
  const subtotal = items.reduce((total, i) => total + i.subtotal, 0);
  return {
    subtotal,
    taxes,
    fees,
    taxesTotal: sumOf(taxes),
    feesTotal: sumOf(fees),
    total: subtotal + sumOf(taxes) + sumOf(fees),
  };
}
