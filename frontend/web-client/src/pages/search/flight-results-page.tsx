import type { FlightFacets, FlightOption, FlightPair } from '@tripwise/contracts';
import { useEffect, useRef } from 'react';
import { ChosenOutbound } from '../../flights/chosen-outbound.tsx';
import { FlexibleDatesLinks } from '../../flights/flexible-links.tsx';
import { FlightFilters, type FilterStep } from '../../flights/flight-filters.tsx';
import { FlightResult, type ResultStep } from '../../flights/flight-result.tsx';
import { AirportsCovered } from '../../flights/nearby-airports.tsx';
import { BestExplained, PriceNote } from '../../flights/results-notes.tsx';
import { partyOf } from '../../flights/trip-links.ts';
import { FlightSearchForm } from '../../search/flight-search-form.tsx';
import { PriceAlert } from '../../search/price-alert.tsx';
import { ResultsLayout, SearchFirst } from '../../search/results-layout.tsx';
import { FLIGHT_KEYS, withParam } from '../../search/url-params.ts';
import { useResultsPage } from '../../search/use-results-page.ts';
import { formatDate } from '../../ui/format.ts';

const SORTS = [
  ['best', 'Best'],
  ['price', 'Cheapest'],
  ['duration', 'Fastest'],
  ['departure', 'Earliest departure'],
] as const;
const CRITERIA = [
  'origin',
  'destination',
  'date',
  'returnDate',
  'originRadiusKm',
  'destinationRadiusKm',
  'passengers',
  'cabin',
  'outboundId',
];
const LIST_TITLES: Record<FilterStep, string | undefined> = {
  'one-way': undefined,
  outbound: 'Choose your departing flight',
  return: 'Choose your return flight',
};

type Item = FlightOption | FlightPair;

/** Names for the codes the facets give: airlines, and the airports flights connect at. */
function useNames(items: Item[]) {
  const names = useRef(new Map<string, string>()).current;
  for (const it of items.flatMap((i) => ('outbound' in i ? [i.outbound, i.return] : [i]))) {
    for (const a of it.airlines) names.set(a.code, a.name);
    for (const l of it.layovers) names.set(l.airport.code, l.airport.city);
  }
  return names;
}

/**
 * Flights for the URL's criteria. One way: itineraries to book. A round trip in two steps, as people book them:
 * the departing flights first (`view=outbounds`), then, once one is chosen (`outboundId` in the URL), the returns
 * that fit it, with the chosen flight summarised above and changeable. Filters, sort and pages are in the URL.
 */
export function FlightResultsPage() {
  const page = useResultsPage<Item, FlightFacets>({
    kind: 'flights',
    keys: FLIGHT_KEYS,
    criteria: CRITERIA,
    required: ['origin', 'destination', 'date'],
    apiQuery: (q) => (q.returnDate && !q.outboundId ? { ...q, view: 'outbounds' } : q),
  });
  const { params, query, facets } = page;
  const step: FilterStep = !query.returnDate ? 'one-way' : query.outboundId ? 'return' : 'outbound';
  const names = useNames(page.items);
  const party = partyOf(params);

  // A new step starts at the top, with its heading focused for screen readers and keyboards.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('results-title')?.focus();
  }, [step, query.outboundId]);

  if (!page.complete) {
    return <SearchFirst title="Search flights" form={<FlightSearchForm initial={params} />} />;
  }
  const route = `${query.origin} → ${query.destination}`;
  const dates = query.returnDate
    ? `${formatDate(query.date!)} – ${formatDate(query.returnDate)}`
    : formatDate(query.date!);
  const returnsPath = (pair: FlightPair) =>
    `/flights?${withParam(withParam(params, 'pages', null), 'outboundId', pair.outbound.id).toString()}`;
  const stepOf = (item: Item): ResultStep =>
    !('outbound' in item)
      ? { kind: 'one-way', item }
      : step === 'outbound'
        ? { kind: 'outbound', item, returnsPath: returnsPath(item) }
        : { kind: 'return', item };

  // A route alert watches each flight's fare: it starts at the cheapest first flight shown.
  const firstFares = page.items.map((item) => ('outbound' in item ? item.outbound : item).legs[0]?.price.amount ?? 0);
  const cheapestFare = firstFares.length > 0 ? Math.min(...firstFares) : undefined;
  return (
    <ResultsLayout
      page={page}
      title={`Flights ${route}, ${dates}`}
      form={<FlightSearchForm initial={params} />}
      noun={step === 'outbound' ? 'departing flight' : step === 'return' ? 'return flight' : 'flight'}
      sorts={SORTS}
      listTitle={LIST_TITLES[step]}
      emptyAdvice={
        step === 'return'
          ? 'No return fits these filters. Loosen them, or change the departing flight.'
          : 'Try other dates (see the price calendar), fewer filters, nearby airports, or a whole city (NYC covers JFK, LGA and EWR).'
      }
      intro={
        <div className="flight-intro">
          {step === 'return' && <ChosenOutbound params={params} />}
          <AirportsCovered params={params} />
          <FlexibleDatesLinks params={params} />
          <PriceNote step={step} currency={page.items[0]?.price.currency ?? 'USD'} />
          {step !== 'return' && cheapestFare !== undefined && (
            <PriceAlert
              target={{
                type: 'route',
                origin: query.origin!,
                destination: query.destination!,
                date: query.date!,
                cabin: query.cabin ?? 'economy',
              }}
              price={cheapestFare}
              label={`Flights ${route}, ${formatDate(query.date!)}`}
              what={`a flight ${route} on ${formatDate(query.date!)}`}
            />
          )}
        </div>
      }
      sortNote={<BestExplained />}
      filters={
        facets && <FlightFilters facets={facets} params={params} onChange={page.update} step={step} names={names} />
      }
    >
      {page.items.map((item) => (
        <FlightResult key={item.id} step={stepOf(item)} party={party} />
      ))}
    </ResultsLayout>
  );
}
