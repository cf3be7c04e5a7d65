import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { BackLink } from '../../search/back-link.tsx';
import { DetailsState } from '../../search/details-state.tsx';
import { FlightLeg, SeatsLeft } from '../../search/flight-card.tsx';
import { labelOf } from '../../search/labels.ts';
import { PriceHistory } from '../../search/price-history.tsx';
import { Reviews } from '../../search/reviews.tsx';
import type { Flight, PriceTrend, Review } from '../../search/search-types.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';

interface FlightDetails extends Omit<Flight, 'refundable' | 'seatsLeft' | 'price' | 'totalPrice'> {
  policies: { refundable: boolean; changeFee: { amount: number; currency: string } };
  rating: number | null;
  reviewCount: number;
  latestReviews: Review[];
  cabins: {
    cabin: string;
    price: { amount: number; currency: string };
    seatsLeft: number;
    priceTrend: PriceTrend | null;
  }[];
}

/** One flight: its times, every cabin with its fare and seats left, the fare rules, price history and reviews. */
export function Page() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const passengers = params.get('passengers') ?? '1';
  const flight = useQuery({
    queryKey: ['flight', id],
    queryFn: ({ signal }) => api<FlightDetails>(`/api/search/flights/${id}`, { signal, auth: false }),
  });
  if (flight.status !== 'success') {
    return (
      <DetailsState status={flight.status} error={flight.error} refetch={() => void flight.refetch()} noun="flight" />
    );
  }
  const f = flight.data;
  const chosen = f.cabins.find((c) => c.cabin === params.get('cabin')) ?? f.cabins[0];
  const asLeg: Flight = {
    ...f,
    refundable: f.policies.refundable,
    seatsLeft: chosen?.seatsLeft ?? 0,
    price: chosen!.price,
    totalPrice: chosen!.price,
  };
  return (
    <div className="details-page">
      <BackLink />
      <h1>
        {f.origin.city} to {f.destination.city}, {formatDate(f.departLocal.slice(0, 10))}
      </h1>
      <section className="card">
        <FlightLeg flight={asLeg} />
        <p className="muted">
          {f.origin.name} → {f.destination.name}. Times are local to each airport.
        </p>
      </section>
      <section className="card" aria-labelledby="cabins-title">
        <h2 id="cabins-title">Cabins and fares</h2>
        <ul className="choice-list">
          {f.cabins.map((c) => {
            const checkout = new URLSearchParams({ flight: f.id, cabin: c.cabin, passengers });
            return (
              <li key={c.cabin} className="choice">
                <div>
                  <strong>{labelOf(c.cabin)}</strong>
                  <div>
                    <SeatsLeft seats={c.seatsLeft} />
                  </div>
                </div>
                <div className="choice-price">
                  <span className="price">{formatMoney(c.price)}</span> <span className="muted">per person</span>
                </div>
                {c.seatsLeft >= Number(passengers) ? (
                  <Link
                    className="button"
                    to={`/checkout?${checkout.toString()}`}
                    aria-label={`Select ${labelOf(c.cabin)} for ${formatMoney(c.price)} per person`}
                  >
                    Select
                  </Link>
                ) : (
                  <span className="muted">Not enough seats</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card" aria-labelledby="policy-title">
        <h2 id="policy-title">Fare rules</h2>
        <ul>
          <li>
            {f.policies.refundable
              ? 'Refundable: cancel before departure for a full refund.'
              : 'Non-refundable fare: cancelling refunds nothing, except within 24 hours of booking for a flight at least a week away.'}
          </li>
          <li>
            {f.policies.changeFee.amount === 0
              ? 'No change fee.'
              : `Changes cost ${formatMoney(f.policies.changeFee)}.`}
          </li>
        </ul>
      </section>
      {chosen && (
        <section className="card">
          <PriceHistory
            trend={chosen.priceTrend}
            current={chosen.price.amount}
            title={`${labelOf(chosen.cabin)} price history`}
          />
        </section>
      )}
      <Reviews kind="flights" id={f.id} />
    </div>
  );
}
