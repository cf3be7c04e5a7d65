import { useState } from 'react';
import { Link } from 'react-router';
import {
  CheckboxFilter,
  MaxPriceFilter,
  ParamRadioFilter,
  ToggleFilter,
  fromPrice,
  type FacetFiltersProps,
} from '../../search/filters.tsx';
import { HotelMap, type HotelPin } from '../../search/hotel-map.tsx';
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

/** A hotel's price as the list and the map show it: taxes included, a night's share of the stay or the whole stay. */
function priceOf(hotel: Hotel, nights: number, rooms: number, mode: 'each' | 'total') {
  const total = stayAllIn(hotel.nightlyPrice.amount, nights, rooms);
  const shown = mode === 'total' ? total : Math.round(total / nights);
  const roomsText = rooms > 1 ? `, ${plural(rooms, 'room')}` : '';
  return {
    total,
    shown,
    roomsText,
    per:
      mode === 'total'
        ? `for ${plural(nights, 'night')}${roomsText}, taxes included`
        : `a night${roomsText}, taxes included`,
  };
}

interface Marks {
  /** Chosen on the map, or pointed at there: the card says so. */
  mark: 'selected' | 'hovered' | undefined;
  onHover: (id: string | undefined) => void;
}

function HotelResult({
  hotel,
  stay,
  nights,
  rooms,
  mark,
  onHover,
}: { hotel: Hotel; stay: string; nights: number; rooms: number } & Marks) {
  // Taxes included, as checkout charges them: a night's share of the stay, or the whole stay (the toggle above).
  const mode = usePriceMode();
  const { total, roomsText } = priceOf(hotel, nights, rooms, mode);
  const money = (amount: number) => formatMoney({ ...hotel.nightlyPrice, amount }, { cents: true });
  return (
    <li
      className={`card result${mark ? ` ${mark}` : ''}`}
      id={`hotel-${hotel.id}`}
      data-testid="hotel-result"
      data-insights="results.listing"
      data-insights-listing={`hotel:${hotel.id}`}
      onMouseEnter={() => onHover(hotel.id)}
      onMouseLeave={() => onHover(undefined)}
    >
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
  const mode = usePriceMode();
  const [selected, setSelected] = useState<string>();
  const [hovered, setHovered] = useState<string>();
  // On a phone the list and the map take turns (a toggle); wider, the map stands above the list.
  const [view, setView] = useState<'list' | 'map'>('list');
  if (!page.complete) {
    return <SearchFirst title="Search hotels" form={<HotelSearchForm initial={params} />} />;
  }
  const nights = page.first?.nights ?? 1;
  const rooms = Number(params.get('rooms') ?? 1);
  const stay = page.search.toString();
  const pins = page.items.map((hotel): HotelPin => {
    const price = priceOf(hotel, nights, rooms, mode);
    return {
      hotel,
      short: formatMoney({ ...hotel.nightlyPrice, amount: price.shown }),
      full: formatMoney({ ...hotel.nightlyPrice, amount: price.shown }, { cents: true }),
      per: price.per,
    };
  });
  const select = (id: string) => {
    setSelected(id);
    // The list shows the chosen hotel too, where it is visible beside the map.
    if (view === 'list') document.getElementById(`hotel-${id}`)?.scrollIntoView({ block: 'nearest' });
  };
  const markOf = (id: string) => (id === selected ? 'selected' : id === hovered ? 'hovered' : undefined);
  return (
    <ResultsLayout
      page={page}
      className={`hotel-results show-${view}`}
      title={`Hotels in ${page.items[0]?.city.name ?? query.city}, ${formatDate(query.checkIn!)} – ${formatDate(query.checkOut!)}`}
      form={<HotelSearchForm initial={params} />}
      noun="hotel"
      sorts={SORTS}
      emptyAdvice="Try other dates, fewer rooms, or fewer filters."
      filters={facets && <HotelFilters facets={facets} params={params} onChange={page.update} />}
      intro={
        <div className="results-intro">
          <PriceModeToggle each="Per night" total="Whole stay" />
          <div className="segmented view-toggle" role="group" aria-label="Show the hotels">
            <span className="muted small">Show</span>
            {(['list', 'map'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={view === v ? '' : 'secondary'}
                aria-pressed={view === v}
                onClick={() => setView(v)}
              >
                {v === 'list' ? 'List' : 'Map'}
              </button>
            ))}
          </div>
        </div>
      }
      aboveList={
        pins.length > 0 && (
          <HotelMap
            pins={pins}
            stay={stay}
            selected={selected}
            hovered={hovered}
            onSelect={select}
            onHover={setHovered}
          />
        )
      }
    >
      {page.items.map((hotel) => (
        <HotelResult
          key={hotel.id}
          hotel={hotel}
          stay={stay}
          nights={nights}
          rooms={rooms}
          mark={markOf(hotel.id)}
          onHover={setHovered}
        />
      ))}
    </ResultsLayout>
  );
}
