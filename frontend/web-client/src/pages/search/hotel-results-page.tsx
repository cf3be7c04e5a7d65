import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CheckboxFilter, MaxPriceFilter, RadioFilter, ToggleFilter } from '../../search/filters.tsx';
import { HotelSearchForm } from '../../search/hotel-search-form.tsx';
import { labelOf, stars } from '../../search/labels.ts';
import { ResultsLayout } from '../../search/results-layout.tsx';
import type { Hotel, HotelFacets } from '../../search/search-types.ts';
import { useSearchResults } from '../../search/use-search-results.ts';
import { HOTEL_KEYS, pickParams, withParam } from '../../search/url-params.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';

const SORTS = [
  ['price', 'Lowest price'],
  ['rating', 'Guest rating'],
  ['stars', 'Stars'],
  ['distance', 'Distance from centre'],
] as const;
const CRITERIA = ['city', 'checkIn', 'checkOut', 'guests', 'rooms'];

function HotelResult({ hotel, stay, nights }: { hotel: Hotel; stay: string; nights: number }) {
  return (
    <li className="card result" data-testid="hotel-result">
      <div className="result-main">
        <h2 className="result-title">
          <Link to={`/hotels/${hotel.id}?${stay}`}>{hotel.name}</Link>
        </h2>
        <p>
          <span aria-label={`${hotel.stars} stars`}>{stars(hotel.stars)}</span>{' '}
          <span className="badge">{hotel.rating.toFixed(1)} / 10</span>{' '}
          <span className="muted">({plural(hotel.reviewCount, 'review')})</span>
        </p>
        <p className="muted">
          {hotel.neighborhood}, {hotel.city.name}
          {hotel.distanceKm !== undefined && ` · ${hotel.distanceKm} km from centre`}
        </p>
        <p className="amenities">{hotel.amenities.map(labelOf).join(' · ')}</p>
        <p>
          {hotel.roomsLeft <= 3 ? (
            <span className="bad">Only {plural(hotel.roomsLeft, 'room')} left</span>
          ) : (
            <span className="muted">{hotel.roomsLeft} rooms left</span>
          )}
        </p>
      </div>
      <div className="result-price">
        <span className="price">{formatMoney(hotel.nightlyPrice)}</span>
        <span className="muted">
          per night, {formatMoney(hotel.totalPrice)} for {plural(nights, 'night')}
        </span>
        <Link className="button" to={`/hotels/${hotel.id}?${stay}`} aria-label={`See rooms at ${hotel.name}`}>
          See rooms
        </Link>
      </div>
    </li>
  );
}

/** Hotels with rooms free for the URL's stay, filtered by the API's facets; everything shown is in the URL. */
export function Page() {
  const [params, setParams] = useSearchParams();
  const update = useCallback((next: URLSearchParams) => setParams(next, { replace: true }), [setParams]);
  const query = pickParams(params, HOTEL_KEYS);
  const complete = Boolean(query.city && query.checkIn && query.checkOut);
  const results = useSearchResults<Hotel, HotelFacets>('hotels', query, complete);
  const first = results.data?.pages[0];
  const facets = first?.facets;
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  if (!complete) {
    return (
      <div>
        <h1>Search hotels</h1>
        <HotelSearchForm initial={params} />
      </div>
    );
  }
  const stay = new URLSearchParams(Object.entries(query).filter(([k]) => CRITERIA.includes(k)));
  const clearFilters = () => update(stay);

  return (
    <ResultsLayout
      title={`Hotels in ${query.city}, ${formatDate(query.checkIn!)} – ${formatDate(query.checkOut!)}`}
      form={<HotelSearchForm initial={params} />}
      noun="hotel"
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
          <p>Try other dates, fewer rooms, or fewer filters.</p>
          <button type="button" onClick={clearFilters}>
            Clear filters
          </button>
        </>
      }
      filters={
        facets && (
          <>
            <MaxPriceFilter
              legend="Price per night"
              name="maxPrice"
              min={facets.nightly.min}
              max={facets.nightly.max}
              params={params}
              onChange={update}
            />
            <fieldset>
              <legend>Cancellation</legend>
              <ToggleFilter label="Free cancellation" name="freeCancellation" params={params} onChange={update} />
            </fieldset>
            <CheckboxFilter
              legend="Stars"
              name="stars"
              params={params}
              onChange={update}
              choices={facets.stars.map((s) => ({
                value: String(s.stars),
                label: plural(s.stars, 'star'),
                count: s.count,
                note: `from ${formatMoney({ amount: s.minNightly, currency: 'USD' })}`,
              }))}
            />
            <RadioFilter
              legend="Guest rating"
              current={params.get('minRating') ?? ''}
              onPick={(v) => update(withParam(params, 'minRating', v))}
              choices={[
                { value: '', label: 'Any' },
                { value: '7', label: '7+ Good' },
                { value: '8', label: '8+ Very good' },
                { value: '9', label: '9+ Excellent' },
              ]}
            />
            <CheckboxFilter
              legend="Amenities"
              name="amenities"
              params={params}
              onChange={update}
              choices={facets.amenities.map((a) => ({ value: a.amenity, label: labelOf(a.amenity), count: a.count }))}
            />
            <RadioFilter
              legend="Neighbourhood"
              current={params.get('neighborhood') ?? ''}
              onPick={(v) => update(withParam(params, 'neighborhood', v))}
              choices={[
                { value: '', label: 'Anywhere' },
                ...facets.neighborhoods.map((n) => ({ value: n.neighborhood, label: n.neighborhood, count: n.count })),
              ]}
            />
            <button type="button" className="link" onClick={clearFilters}>
              Clear all filters
            </button>
          </>
        )
      }
    >
      {items.map((hotel) => (
        <HotelResult key={hotel.id} hotel={hotel} stay={stay.toString()} nights={first?.nights ?? 1} />
      ))}
    </ResultsLayout>
  );
}
