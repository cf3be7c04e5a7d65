import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { BackLink } from '../../search/back-link.tsx';
import { addDays, todayIso } from '../../search/dates.ts';
import { DetailsState } from '../../search/details-state.tsx';
import { carClassPhrase, freeCancellation, fuelRule, labelOf } from '../../search/labels.ts';
import { PriceAlert } from '../../search/price-alert.tsx';
import { PriceHistory } from '../../search/price-history.tsx';
import { Reviews } from '../../search/reviews.tsx';
import { PhotoGallery } from '../../search/listing-photos.tsx';
import type { CarDetails } from '../../search/search-types.ts';
import { rentalAllIn, rentalDays } from '../../ui/all-in.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';

/** One rental car: the model, its rules (driver age, mileage, fuel, cancellation), price history and reviews. */
export function CarDetailsPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const car = useQuery({
    queryKey: ['car', id],
    queryFn: ({ signal }) => api<CarDetails>(`/api/search/cars/${id}`, { signal, auth: false }),
  });
  if (car.status !== 'success') {
    return <DetailsState status={car.status} error={car.error} refetch={() => void car.refetch()} noun="car" />;
  }
  const c = car.data;
  const pickupDate = params.get('pickupDate') ?? addDays(todayIso(), 14);
  const dropoffDate = params.get('dropoffDate') ?? addDays(pickupDate, 3);
  const checkout = new URLSearchParams({
    car: c.id,
    pickupDate,
    pickupTime: params.get('pickupTime') ?? '10:00',
    dropoffDate,
    dropoffTime: params.get('dropoffTime') ?? '10:00',
  });
  const p = c.policies;
  const days = rentalDays(
    { date: pickupDate, time: checkout.get('pickupTime')! },
    { date: dropoffDate, time: checkout.get('dropoffTime')! },
  );
  const total = rentalAllIn(c.dailyPrice.amount, days);
  return (
    <div className="details-page">
      <BackLink />
      <h1>
        {c.model} <span className="muted">or similar {carClassPhrase(c.carClass)}</span>
      </h1>
      <PhotoGallery photos={c.photos} name={`${c.model} from ${c.company}`} />
      <section className="card" data-insights-section="rental">
        <p>
          {c.company} at {c.location.city} ({c.location.code}) · {c.year} · {plural(c.seats, 'seat')} ·{' '}
          {labelOf(c.transmission)}
          {c.rating !== null && (
            <>
              {' '}
              · <span className="badge">{c.rating.toFixed(1)} / 10</span>
            </>
          )}
        </p>
        <p>
          <span className="price">
            {formatMoney({ ...c.dailyPrice, amount: Math.round(total / days) }, { cents: true })}
          </span>{' '}
          <span className="muted">
            a day,{' '}
            <span data-testid="rental-total">{formatMoney({ ...c.dailyPrice, amount: total }, { cents: true })}</span>{' '}
            for {plural(days, 'day')}, taxes and fees included
          </span>
        </p>
        <p>
          {formatDate(pickupDate)} {checkout.get('pickupTime')} – {formatDate(dropoffDate)}{' '}
          {checkout.get('dropoffTime')}
        </p>
        <Link
          className="button"
          data-insights="details.book"
          data-insights-listing={`car:${c.id}`}
          to={`/checkout?${checkout.toString()}`}
        >
          Book this car
        </Link>
      </section>
      <section className="card" aria-labelledby="policies-title" data-insights-section="policies">
        <h2 id="policies-title">Rental rules</h2>
        <ul>
          {p.minimumDriverAge !== undefined && <li>The driver must be at least {p.minimumDriverAge}.</li>}
          <li>{labelOf(p.mileage ?? 'limited')}.</li>
          {p.fuelPolicy && <li>{fuelRule(p.fuelPolicy)}.</li>}
          <li>
            {typeof p.freeCancellationHours === 'number'
              ? `${freeCancellation(p.freeCancellationHours, 'pick-up')}; after that one day is kept.`
              : 'No free cancellation: cancelling keeps one day.'}
          </li>
        </ul>
      </section>
      <section className="card" data-insights-section="price-history">
        <PriceHistory
          trend={c.priceTrend}
          current={c.dailyPrice.amount}
          allIn={(daily) => rentalAllIn(daily, 1)}
          title="Daily price history"
        />
        <PriceAlert
          target={{ type: 'listing', kind: 'car', listingId: c.id }}
          price={c.dailyPrice.amount}
          label={`${c.model} from ${c.company} at ${c.location.code}`}
          what={`a day with this ${c.model}`}
        />
      </section>
      <div data-insights-section="reviews">
        <Reviews kind="cars" id={c.id} />
      </div>
    </div>
  );
}
