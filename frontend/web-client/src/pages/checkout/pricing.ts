// The price breakdown shown before booking, worked out as the booking service works it out
// (services/booking/src/domain/pricing.rules.ts). The booking's answer carries the final, authoritative lines.

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

const percent = (amount: number, rate: number) => Math.round(amount * rate);

function extrasOf(line: PricedLine, subtotal: number): { label: string; amount: number }[] {
  switch (line.kind) {
    case 'flight':
      return [
        { label: 'US transportation tax (7.5%)', amount: percent(subtotal, 0.075) },
        { label: 'September 11th security fee', amount: 560 * line.quantity },
      ];
    case 'room':
      return [{ label: 'Occupancy tax (12%)', amount: percent(subtotal, 0.12) }];
    case 'car':
      return [
        { label: 'Sales tax (8%)', amount: percent(subtotal, 0.08) },
        { label: 'Customer facility charge', amount: 600 * line.units },
      ];
  }
}

export function breakdownOf(lines: PricedLine[]): Breakdown {
  const byLabel = new Map<string, number>();
  let subtotal = 0;
  for (const line of lines) {
    const amount = line.unitPrice * line.quantity * line.units;
    subtotal += amount;
    for (const extra of extrasOf(line, amount)) {
      byLabel.set(extra.label, (byLabel.get(extra.label) ?? 0) + extra.amount);
    }
  }
  const extras = [...byLabel].map(([label, amount]) => ({ label, amount }));
  return { subtotal, lines: extras, total: subtotal + extras.reduce((sum, l) => sum + l.amount, 0) };
}
