import { PriceModeToggle, usePriceMode } from '../ui/price-mode.tsx';

// What the numbers and the order of the flight results mean, said on the page (as KAYAK explains its "Best").

/** "Best", as the search service ranks it (services/search itinerary-list.ts bestScores). */
export function BestExplained() {
  return (
    <details className="best-explained">
      <summary>How “Best” is sorted</summary>
      <p>
        Best weighs price and travel time together: flights near the lowest price and the shortest time come first, and
        each stop, separate tickets and an overnight layover count against a flight. Precisely, lower is better: price ÷
        the cheapest price + 0.6 × travel time ÷ the shortest + 0.25 per stop + 0.2 for separate tickets + 0.1 for a
        night at a connecting airport. Nobody pays to be placed higher.
      </p>
    </details>
  );
}

/** The one meaning every price on the page has: the cards, the filter and the facets alike. */
export function PriceNote({ step, currency }: { step: 'one-way' | 'outbound' | 'return'; currency: string }) {
  const roundTrip = step !== 'one-way';
  const money = currency === 'USD' ? 'US dollars' : currency;
  const mode = usePriceMode();
  return (
    <>
      <PriceModeToggle each="Per person" total="Total for everyone" />
      <p className="price-note muted small" data-testid="price-note">
        Prices are {mode === 'total' ? 'for all travelers' : 'per person'},{' '}
        {roundTrip ? 'for the whole round trip' : 'one way'}, in {money}, with taxes and fees included: what checkout
        charges. The price filter and the facets go by the fares before taxes and fees.
        {step === 'outbound' &&
          ' A departing flight’s price includes the first return listed for it; you choose the return next.'}
        {step === 'return' && ' Each return’s price includes your departing flight.'}
      </p>
    </>
  );
}
