import { Link } from 'react-router';
import { CarSearchForm } from '../../search/car-search-form.tsx';
import {
  CheckboxFilter,
  MaxPriceFilter,
  ParamRadioFilter,
  fromPrice,
  type FacetFiltersProps,
} from '../../search/filters.tsx';
import { carClassPhrase, freeCancellation, labelOf } from '../../search/labels.ts';
import { ResultsLayout, SearchFirst } from '../../search/results-layout.tsx';
import type { Car, CarFacets } from '../../search/search-types.ts';
import { UnitsLeft } from '../../search/units-left.tsx';
import { ResultPhoto } from '../../search/listing-photos.tsx';
import { CAR_KEYS } from '../../search/url-params.ts';
import { useResultsPage } from '../../search/use-results-page.ts';
import { rentalAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';
import { PriceModeToggle, usePriceMode } from '../../ui/price-mode.tsx';

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
  // Taxes and fees included, as checkout charges them: a day's share, or the whole rental (the toggle above).
  const mode = usePriceMode();
  const total = rentalAllIn(car.dailyPrice.amount, days);
  const money = (amount: number) => formatMoney({ ...car.dailyPrice, amount }, { cents: true });
  return (
    <li
      className="card result"
      data-testid="car-result"
      data-insights="results.listing"
      data-insights-listing={`car:${car.id}`}
    >
      <ResultPhoto photo={car.photo} name={name} />
      <div className="result-main">
        <h2 className="result-title">
          <Link to={`/cars/${car.id}?${rental.toString()}`}>{car.model}</Link>{' '}
          <span className="muted">or similar {carClassPhrase(car.carClass)}</span>
        </h2>
        <p>
          {car.company} · {plural(car.seats, 'seat')} · {labelOf(car.transmission)}
        </p>
        <p className="muted">
          {car.policies.mileage === 'unlimited' ? 'Unlimited mileage' : 'Limited mileage'}
          {typeof car.policies.freeCancellationHours === 'number' &&
            ` · ${freeCancellation(car.policies.freeCancellationHours, 'pick-up')}`}
        </p>
        <p>
          <UnitsLeft count={car.unitsLeft} noun="car" fewAt={3} />
        </p>
      </div>
      <div className="result-price">
        <span className="price" data-testid="result-price">
          {money(mode === 'total' ? total : Math.round(total / days))}
        </span>
        <span className="muted">
          {mode === 'total'
            ? `for ${plural(days, 'day')}, taxes and fees included`
            : `a day, taxes and fees included; ${money(total)} for ${plural(days, 'day')}`}
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

function CarFilters({ facets, ...url }: FacetFiltersProps<CarFacets>) {
  return (
    <>
      <MaxPriceFilter legend="Total price" name="maxPrice" min={facets.total.min} max={facets.total.max} {...url} />
      <CheckboxFilter
        legend="Car type"
        name="carTypes"
        {...url}
        choices={facets.classes.map((c) => ({
          value: c.carClass,
          label: labelOf(c.carClass),
          count: c.count,
          note: fromPrice(c.minTotal),
        }))}
      />
      <CheckboxFilter
        legend="Company"
        name="companies"
        {...url}
        choices={facets.companies.map((c) => ({ value: c.company, label: c.company, count: c.count }))}
      />
      <ParamRadioFilter
        legend="Transmission"
        name="transmission"
        {...url}
        choices={[
          { value: '', label: 'Any' },
          ...facets.transmissions.map((t) => ({
            value: t.transmission,
            label: labelOf(t.transmission),
            count: t.count,
          })),
        ]}
      />
      <ParamRadioFilter
        legend="Seats"
        name="minSeats"
        {...url}
        choices={[
          { value: '', label: 'Any' },
          { value: '5', label: '5 or more' },
          { value: '7', label: '7 or more' },
        ]}
      />
    </>
  );
}

/** Cars free for the URL's whole rental, filtered by the API's facets; everything shown is in the URL. */
export function CarResultsPage() {
  const page = useResultsPage<Car, CarFacets>({
    kind: 'cars',
    keys: CAR_KEYS,
    criteria: CRITERIA,
    required: ['location', 'pickupDate', 'dropoffDate'],
  });
  const { params, query, facets } = page;
  if (!page.complete) {
    return <SearchFirst title="Search cars" form={<CarSearchForm initial={params} />} />;
  }
  return (
    <ResultsLayout
      page={page}
      title={`Cars in ${query.location}, ${formatDate(query.pickupDate!)} – ${formatDate(query.dropoffDate!)}`}
      form={<CarSearchForm initial={params} />}
      noun="car"
      sorts={SORTS}
      emptyAdvice="Try other dates or times, a nearby airport, or fewer filters."
      filters={facets && <CarFilters facets={facets} params={params} onChange={page.update} />}
      intro={<PriceModeToggle each="Per day" total="Whole rental" />}
    >
      {page.items.map((car) => (
        <CarResult key={car.id} car={car} rental={page.search} days={page.first?.days ?? 1} />
      ))}
    </ResultsLayout>
  );
}
