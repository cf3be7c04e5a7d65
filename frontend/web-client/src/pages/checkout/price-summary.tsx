import { allIn } from '../../ui/all-in.ts';
import { formatMoney } from '../../ui/format.ts';
import type { CartLine } from './cart.ts';
import { breakdownOf } from './pricing.ts';

const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, { cents: true });

/** What is being bought and what it costs, line by line, with each item's cancellation terms. */
export function PriceSummary({ lines }: { lines: CartLine[] }) {
  const breakdown = breakdownOf(lines);
  // The results show a trip's price per person, taxes and fees included; the same figure here ties the two together.
  const flights = lines.filter((l) => l.kind === 'flight');
  const passengers = flights[0]?.quantity ?? 1;
  const perPerson = Math.round(allIn(flights) / passengers);
  return (
    <section className="card price-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Your trip</h2>
      <ul className="summary-lines">
        {lines.map((l) => (
          <li key={l.key}>
            <strong>{l.title}</strong>
            <div className="muted">{l.subtitle}</div>
            <div>
              {usd(l.unitPrice)} × {l.quantityText} = {usd(l.unitPrice * l.quantity * l.units)}
            </div>
            <div className="small">{l.cancellation}</div>
          </li>
        ))}
      </ul>
      {flights.length > 1 && (
        <p className="small" data-testid="fares-per-person">
          Flights: {usd(perPerson)} per person for {flights.length} flights, taxes and fees included, as on the results.
        </p>
      )}
      <dl className="breakdown">
        <div className="breakdown-row">
          <dt>Subtotal</dt>
          <dd>{usd(breakdown.subtotal)}</dd>
        </div>
        {breakdown.lines.map((l) => (
          <div key={l.label} className="breakdown-row">
            <dt>{l.label}</dt>
            <dd>{usd(l.amount)}</dd>
          </div>
        ))}
        <div className="breakdown-row total">
          <dt>Total</dt>
          <dd data-testid="checkout-total">{usd(breakdown.total)}</dd>
        </div>
      </dl>
      <p className="muted small">
        Taxes and fees as the booking charges them; your confirmation shows the final amounts.
      </p>
    </section>
  );
}
