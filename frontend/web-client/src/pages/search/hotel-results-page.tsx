import { Link } from 'react-router';
import {
  CheckboxFilter,
  MaxPriceFilter,
  ParamRadioFilter,
  ToggleFilter,
  fromPrice,
  type FacetFiltersProps,
} from '../../search/filters.tsx';
import { HotelSearchForm } from '../../search/hotel-search-form.tsx';
import { labelOf, stars } from '../../search/labels.ts';
import { ResultsLayout, SearchFirst } from '../../search/results-layout.tsx';
import type { Hotel, HotelFacets } from '../../search/search-types.ts';
import { UnitsLeft } from '../../search/units-left.tsx';
import { ResultPhoto } from '../../search/listing-photos.tsx';
import { HOTEL_KEYS } from '../../search/url-params.ts';
import { useResultsPage } from '../../search/use-results-page.ts';
import { stayAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';
import { PriceModeToggle, usePriceMode } from '../../ui/price-mode.tsx';

const SORTS = [
  ['price', 'Lowest price'],
  ['rating', 'Guest rating'],
  ['stars', 'Stars'],
  ['distance', 'Distance from centre'],
] as const;
const CRITERIA = ['city', 'checkIn', 'checkOut', 'guests', 'rooms'];

function HotelResult({ hotel, stay, nights, rooms }: { hotel: Hotel; stay: string; nights: number; rooms: number }) {
  // Taxes included, as checkout charges them: a night's share of the stay, or the whole stay (the toggle above).
  const mode = usePriceMode();
  const total = stayAllIn(hotel.nightlyPrice.amount, nights, rooms);
  const money = (amount: number) => formatMoney({ ...hotel.nightlyPrice, amount }, { cents: true });
  const roomsText = rooms > 1 ? `, ${plural(rooms, 'room')}` : '';
  return (
    <li className="card result" data-testid="hotel-result">
      <ResultPhoto photo={hotel.photo} name={hotel.name} />
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
          <UnitsLeft count={hotel.roomsLeft} noun="room" fewAt={3} />
        </p>
      </div>
      <div className="result-price">
        <span className="price" data-testid="result-price">
          {money(mode === 'total' ? total : Math.round(total / nights))}
        </span>
        <span className="muted">
          {mode === 'total'
            ? `for ${plural(nights, 'night')}${roomsText}, taxes included`
            : `a night${roomsText}, taxes included; ${money(total)} for ${plural(nights, 'night')}`}
        </span>
        <Link className="button" to={`/hotels/${hotel.id}?${stay}`} aria-label={`See rooms at ${hotel.name}`}>
          See rooms
        </Link>
      </div>
    </li>
  );
}

function HotelFilters({ facets, ...url }: FacetFiltersProps<HotelFacets>) {
  return (
    <>
      <MaxPriceFilter
        legend="Price per night"
        name="maxPrice"
        min={facets.nightly.min}
        max={facets.nightly.max}
        {...url}
      />
      <ToggleFilter legend="Cancellation" label="Free cancellation" name="freeCancellation" {...url} />
      <CheckboxFilter
        legend="Stars"
        name="stars"
        {...url}
        choices={facets.stars.map((s) => ({
          value: String(s.stars),
          label: plural(s.stars, 'star'),
          count: s.count,
          note: fromPrice(s.minNightly),
        }))}
      />
      <ParamRadioFilter
        legend="Guest rating"
        name="minRating"
        {...url}
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
        {...url}
        choices={facets.amenities.map((a) => ({ value: a.amenity, label: labelOf(a.amenity), count: a.count }))}
      />
      <ParamRadioFilter
        legend="Neighbourhood"
        name="neighborhood"
        {...url}
        choices={[
          { value: '', label: 'Anywhere' },
          ...facets.neighborhoods.map((n) => ({ value: n.neighborhood, label: n.neighborhood, count: n.count })),
        ]}
      />
    </>
  );
}

/** Hotels with rooms free for the URL's stay, filtered by the API's facets; everything shown is in the URL. */
export function HotelResultsPage() {
  const page = useResultsPage<Hotel, HotelFacets>({
    kind: 'hotels',
    keys: HOTEL_KEYS,
    criteria: CRITERIA,
    required: ['city', 'checkIn', 'checkOut'],
  });
  const { params, query, facets } = page;
  if (!page.complete) {
    return <SearchFirst title="Search hotels" form={<HotelSearchForm initial={params} />} />;
  }
  return (
    <ResultsLayout
      page={page}
      title={`Hotels in ${query.city}, ${formatDate(query.checkIn!)} – ${formatDate(query.checkOut!)}`}
      form={<HotelSearchForm initial={params} />}
      noun="hotel"
      sorts={SORTS}
      emptyAdvice="Try other dates, fewer rooms, or fewer filters."
      filters={facets && <HotelFilters facets={facets} params={params} onChange={page.update} />}
      intro={<PriceModeToggle each="Per night" total="Whole stay" />}
    >
      {page.items.map((hotel) => (
        <HotelResult
          key={hotel.id}
          hotel={hotel}
          stay={page.search.toString()}
          nights={page.first?.nights ?? 1}
          rooms={Number(params.get('rooms') ?? 1)}
        />
      ))}
    </ResultsLayout>
  );
}
