import { useRef } from 'react';
import { Link } from 'react-router';
import {
  CheckboxFilter,
  MaxPriceFilter,
  ParamRadioFilter,
  RadioFilter,
  ToggleFilter,
  fromPrice,
  type FacetFiltersProps,
} from '../../search/filters.tsx';
import { FlightLeg, SeatsLeft, perPerson } from '../../search/flight-card.tsx';
import { FlightSearchForm } from '../../search/flight-search-form.tsx';
import { ResultsLayout, SearchFirst } from '../../search/results-layout.tsx';
import type { Flight, FlightFacets, FlightPair } from '../../search/search-types.ts';
import { TIME_WINDOWS, windowOf } from '../../search/time-windows.ts';
import { FLIGHT_KEYS, withParam } from '../../search/url-params.ts';
import { useResultsPage } from '../../search/use-results-page.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';

const SORTS = [
  ['best', 'Best'],
  ['price', 'Cheapest'],
  ['duration', 'Fastest'],
  ['departure', 'Earliest departure'],
] as const;
const CRITERIA = ['origin', 'destination', 'date', 'returnDate', 'passengers', 'cabin'];

function FlightResult({ item, trip }: { item: Flight | FlightPair; trip: URLSearchParams }) {
  const legs = 'outbound' in item ? [item.outbound, item.return] : [item];
  // An itinerary books each of its flights (a connection has two or three): checkout and details are per flight.
  const flights = legs.flatMap((l) => l.legs);
  const checkout = new URLSearchParams(flights.map((f) => ['flight', f.id]));
  checkout.set('cabin', trip.get('cabin') ?? 'economy');
  checkout.set('passengers', trip.get('passengers') ?? '1');
  const detailsQuery = `cabin=${checkout.get('cabin')}&passengers=${checkout.get('passengers')}`;
  const passengers = Number(checkout.get('passengers'));
  const seats = Math.min(...legs.map((l) => l.seatsLeft));
  return (
    <li className="card result" data-testid="flight-result">
      <div className="result-main">
        {legs.map((leg, i) => (
          <FlightLeg
            key={leg.id}
            flight={leg}
            label={legs.length > 1 ? (i === 0 ? 'Outbound' : 'Return') : undefined}
          />
        ))}
        <div className="result-meta">
          <SeatsLeft seats={seats} />
          {legs.every((l) => l.refundable) ? (
            <span className="good"> · Refundable</span>
          ) : (
            <span className="muted"> · Non-refundable fare</span>
          )}
        </div>
      </div>
      <div className="result-price">
        <span className="price">{formatMoney(item.price)}</span>
        <span className="muted">
          {passengers > 1
            ? `${perPerson(item.price)}, ${formatMoney(item.totalPrice)} in all`
            : legs.length > 1
              ? 'round trip'
              : 'one way'}
        </span>
        <Link
          className="button"
          to={`/checkout?${checkout.toString()}`}
          aria-label={`Select ${flights.map((f) => f.flightNumber).join(' and ')} for ${formatMoney(item.totalPrice)}`}
        >
          Select
        </Link>
        {flights.map((flight) => (
          <Link key={flight.id} to={`/flights/${flight.id}?${detailsQuery}`} className="details-link">
            {flight.flightNumber} details
          </Link>
        ))}
      </div>
    </li>
  );
}

function FlightFilters({
  facets,
  airlineNames,
  ...url
}: FacetFiltersProps<FlightFacets> & { airlineNames: Map<string, string> }) {
  const { params, onChange } = url;
  const setWindow = (prefix: 'depart' | 'arrive', value: string) => {
    const w = TIME_WINDOWS.find((t) => t.value === value)!;
    onChange(withParam(withParam(params, `${prefix}After`, w.after), `${prefix}Before`, w.before));
  };
  return (
    <>
      <ParamRadioFilter
        legend="Stops"
        name="maxStops"
        {...url}
        choices={[
          { value: '', label: 'Any number' },
          { value: '0', label: 'Nonstop only', count: facets.stops.find((s) => s.stops === 0)?.count ?? 0 },
          { value: '1', label: '1 stop or fewer' },
        ]}
      />
      <MaxPriceFilter
        legend="Price per person"
        name="maxPrice"
        min={facets.price.min}
        max={facets.price.max}
        {...url}
      />
      <CheckboxFilter
        legend="Airlines"
        name="airlines"
        {...url}
        choices={facets.airlines.map((a) => ({
          value: a.code,
          label: airlineNames.get(a.code) ?? a.code,
          count: a.count,
          note: fromPrice(a.minPrice),
        }))}
      />
      <RadioFilter
        legend="Departure time"
        current={windowOf(params.get('departAfter'), params.get('departBefore'))}
        onPick={(v) => setWindow('depart', v)}
        choices={TIME_WINDOWS.map((w) => ({
          value: w.value,
          label: w.label,
          count: facets.timesOfDay.find((t) => t.bucket === w.value)?.count,
        }))}
      />
      <RadioFilter
        legend="Arrival time"
        current={windowOf(params.get('arriveAfter'), params.get('arriveBefore'))}
        onPick={(v) => setWindow('arrive', v)}
        choices={TIME_WINDOWS.map((w) => ({ value: w.value, label: w.label }))}
      />
      <ToggleFilter legend="Fare" label="Refundable only" name="refundable" {...url} />
    </>
  );
}

/** Flights for the URL's criteria, with the API's facets as filters; everything shown is in the URL. */
export function Page() {
  const page = useResultsPage<Flight | FlightPair, FlightFacets>({
    kind: 'flights',
    keys: FLIGHT_KEYS,
    criteria: CRITERIA,
    required: ['origin', 'destination', 'date'],
  });
  const { params, query, facets } = page;
  // Facets name airlines by code; names come from results seen so far, kept while filters narrow the list.
  const airlineNames = useRef(new Map<string, string>()).current;
  for (const f of page.items.flatMap((i) => ('outbound' in i ? [i.outbound, i.return] : [i]))) {
    airlineNames.set(f.airline.code, f.airline.name);
  }

  if (!page.complete) {
    return <SearchFirst title="Search flights" form={<FlightSearchForm initial={params} />} />;
  }
  const route = `${query.origin} → ${query.destination}`;
  const dates = query.returnDate
    ? `${formatDate(query.date!)} – ${formatDate(query.returnDate)}`
    : formatDate(query.date!);

  return (
    <ResultsLayout
      page={page}
      title={`Flights ${route}, ${dates}`}
      form={<FlightSearchForm initial={params} />}
      noun="flight"
      sorts={SORTS}
      emptyAdvice="Try other dates, fewer filters, or a whole city (NYC covers JFK, LGA and EWR)."
      filters={
        facets && <FlightFilters facets={facets} params={params} onChange={page.update} airlineNames={airlineNames} />
      }
    >
      {page.items.map((item) => (
        <FlightResult key={item.id} item={item} trip={params} />
      ))}
    </ResultsLayout>
  );
}
