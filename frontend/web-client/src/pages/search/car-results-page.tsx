import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CarSearchForm } from '../../search/car-search-form.tsx';
import { CheckboxFilter, MaxPriceFilter, RadioFilter } from '../../search/filters.tsx';
import { labelOf } from '../../search/labels.ts';
import { ResultsLayout } from '../../search/results-layout.tsx';
import type { Car, CarFacets } from '../../search/search-types.ts';
import { useSearchResults } from '../../search/use-search-results.ts';
import { CAR_KEYS, pickParams, withParam } from '../../search/url-params.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';

const SORTS = [
  ['price', 'Lowest price'],
  ['seats', 'Most seats'],
  ['company', 'Company'],
] as const;
const CRITERIA = ['location', 'pickupDate', 'pickupTime', 'dropoffDate', 'dropoffTime'];

function CarResult({ car, rental, days }: { car: Car; rental: URLSearchParams; days: number }) {
  const checkout = new URLSearchParams(rental);
  checkout.set('car', car.id);
  const name = `${car.model} from ${car.company}`;
  return (
    <li className="card result" data-testid="car-result">
      <div className="result-main">
        <h2 className="result-title">
          <Link to={`/cars/${car.id}?${rental.toString()}`}>{car.model}</Link>{' '}
          <span className="muted">or similar {labelOf(car.carClass).toLowerCase()}</span>
        </h2>
        <p>
          {car.company} · {plural(car.seats, 'seat')} · {labelOf(car.transmission)}
        </p>
        <p className="muted">
          {car.policies.mileage === 'unlimited' ? 'Unlimited mileage' : 'Limited mileage'}
          {typeof car.policies.freeCancellationHours === 'number' &&
            ` · Free cancellation up to ${car.policies.freeCancellationHours} h before pick-up`}
        </p>
        <p>
          {car.unitsLeft <= 3 ? (
            <span className="bad">Only {plural(car.unitsLeft, 'car')} left</span>
          ) : (
            <span className="muted">{car.unitsLeft} cars left</span>
          )}
        </p>
      </div>
      <div className="result-price">
        <span className="price">{formatMoney(car.totalPrice)}</span>
        <span className="muted">
          {formatMoney(car.dailyPrice)} a day, {plural(days, 'day')}
        </span>
        <Link className="button" to={`/checkout?${checkout.toString()}`} aria-label={`Book the ${name}`}>
          Book
        </Link>
        <Link to={`/cars/${car.id}?${rental.toString()}`} className="details-link">
          Details
        </Link>
      </div>
    </li>
  );
}

/** Cars free for the URL's whole rental, filtered by the API's facets; everything shown is in the URL. */
export function Page() {
  const [params, setParams] = useSearchParams();
  const update = useCallback((next: URLSearchParams) => setParams(next, { replace: true }), [setParams]);
  const query = pickParams(params, CAR_KEYS);
  const complete = Boolean(query.location && query.pickupDate && query.dropoffDate);
  const results = useSearchResults<Car, CarFacets>('cars', query, complete);
  const first = results.data?.pages[0];
  const facets = first?.facets;
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  if (!complete) {
    return (
      <div>
        <h1>Search cars</h1>
        <CarSearchForm initial={params} />
      </div>
    );
  }
  const rental = new URLSearchParams(Object.entries(query).filter(([k]) => CRITERIA.includes(k)));
  const clearFilters = () => update(rental);

  return (
    <ResultsLayout
      title={`Cars in ${query.location}, ${formatDate(query.pickupDate!)} – ${formatDate(query.dropoffDate!)}`}
      form={<CarSearchForm initial={params} />}
      noun="car"
      status={results.status}
      error={results.error}
      refetch={() => void results.refetch()}
      updating={results.isPlaceholderData}
      total={first?.total}
      hasMore={results.hasNextPage}
      loadingMore={results.isFetchingNextPage}
      onMore={() => void results.fetchNextPage()}
      sort={{
        value: params.get('sort') ?? 'price',
        options: SORTS,
        onChange: (v) => update(withParam(params, 'sort', v)),
      }}
      emptyAdvice={
        <>
          <p>Try other dates or times, a nearby airport, or fewer filters.</p>
          <button type="button" onClick={clearFilters}>
            Clear filters
          </button>
        </>
      }
      filters={
        facets && (
          <>
            <MaxPriceFilter
              legend="Total price"
              name="maxPrice"
              min={facets.total.min}
              max={facets.total.max}
              params={params}
              onChange={update}
            />
            <CheckboxFilter
              legend="Car type"
              name="carTypes"
              params={params}
              onChange={update}
              choices={facets.classes.map((c) => ({
                value: c.carClass,
                label: labelOf(c.carClass),
                count: c.count,
                note: `from ${formatMoney({ amount: c.minTotal, currency: 'USD' })}`,
              }))}
            />
            <CheckboxFilter
              legend="Company"
              name="companies"
              params={params}
              onChange={update}
              choices={facets.companies.map((c) => ({ value: c.company, label: c.company, count: c.count }))}
            />
            <RadioFilter
              legend="Transmission"
              current={params.get('transmission') ?? ''}
              onPick={(v) => update(withParam(params, 'transmission', v))}
              choices={[
                { value: '', label: 'Any' },
                ...facets.transmissions.map((t) => ({
                  value: t.transmission,
                  label: labelOf(t.transmission),
                  count: t.count,
                })),
              ]}
            />
            <RadioFilter
              legend="Seats"
              current={params.get('minSeats') ?? ''}
              onPick={(v) => update(withParam(params, 'minSeats', v))}
              choices={[
                { value: '', label: 'Any' },
                { value: '5', label: '5 or more' },
                { value: '7', label: '7 or more' },
              ]}
            />
            <button type="button" className="link" onClick={clearFilters}>
              Clear all filters
            </button>
          </>
        )
      }
    >
      {items.map((car) => (
        <CarResult key={car.id} car={car} rental={rental} days={first?.days ?? 1} />
      ))}
    </ResultsLayout>
  );
}
