import type { FlightFacets } from '@tripwise/contracts';
import {
  CheckboxFilter,
  MaxPriceFilter,
  MaxSliderFilter,
  ParamRadioFilter,
  RadioFilter,
  ToggleFilter,
  fromPrice,
} from '../search/filters.tsx';
import { TIME_WINDOWS, windowOf } from '../search/time-windows.ts';
import { withParam } from '../search/url-params.ts';
import { formatDuration } from '../ui/format.ts';
import { NearbyAirportsFilter } from './nearby-airports.tsx';

export type FilterStep = 'one-way' | 'outbound' | 'return';

interface Props {
  facets: FlightFacets;
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
  step: FilterStep;
  /** Facets name airlines and airports by code; names come from the results seen so far. */
  names: ReadonlyMap<string, string>;
}

const ANY_TIME = { after: '00:00', before: '23:59' };

/** Departure and arrival windows of the direction on screen; a return's are its own (`returnDepartAfter`…). */
function TimeWindows({ facets, params, onChange, step }: Omit<Props, 'names'>) {
  const back = step === 'return';
  const [from, to] = [params.get('origin') ?? '', params.get('destination') ?? ''];
  const keyOf = (which: 'depart' | 'arrive') => (back ? `return${which === 'depart' ? 'Depart' : 'Arrive'}` : which);
  const current = (which: 'depart' | 'arrive') => {
    const own = [params.get(`${keyOf(which)}After`), params.get(`${keyOf(which)}Before`)] as const;
    // Without windows of its own, the API applies the departing flight's to the return as well.
    const [after, before] =
      back && !own[0] && !own[1] ? [params.get(`${which}After`), params.get(`${which}Before`)] : own;
    return after === ANY_TIME.after && before === ANY_TIME.before ? '' : windowOf(after, before);
  };
  const pick = (which: 'depart' | 'arrive', value: string) => {
    const w = TIME_WINDOWS.find((t) => t.value === value)!;
    // "Any time" on a return must be said out loud, or the departing flight's window would still apply to it.
    const range = w.after ? w : back ? ANY_TIME : { after: null, before: null };
    onChange(withParam(withParam(params, `${keyOf(which)}After`, range.after), `${keyOf(which)}Before`, range.before));
  };
  const [leaves, lands] = back ? [to, from] : [from, to];
  return (
    <>
      <RadioFilter
        legend={`${back ? 'Return departure' : 'Departure'} from ${leaves}`}
        current={current('depart')}
        onPick={(v) => pick('depart', v)}
        choices={TIME_WINDOWS.map((w) => ({
          value: w.value,
          label: w.label,
          count: w.value ? (facets.timesOfDay.find((t) => t.bucket === w.value)?.count ?? 0) : undefined,
        }))}
      />
      <RadioFilter
        legend={`${back ? 'Return arrival' : 'Arrival'} at ${lands}`}
        current={current('arrive')}
        onPick={(v) => pick('arrive', v)}
        choices={TIME_WINDOWS.map((w) => ({ value: w.value, label: w.label }))}
      />
    </>
  );
}

/** Stops, as many or fewer: each choice counts the itineraries it keeps and their lowest price. */
function stopChoices(facets: FlightFacets) {
  const most = Math.max(0, ...facets.stops.map((s) => s.stops));
  const upTo = (n: number) => facets.stops.filter((s) => s.stops <= n);
  const choices = [
    {
      value: '',
      label: 'Any number of stops',
      count: undefined as number | undefined,
      note: undefined as string | undefined,
    },
  ];
  for (let n = 0; n < most; n++) {
    const kept = upTo(n);
    choices.push({
      value: String(n),
      label: n === 0 ? 'Nonstop only' : `${n} stop${n > 1 ? 's' : ''} or fewer`,
      count: kept.reduce((sum, s) => sum + s.count, 0),
      note: kept.length ? fromPrice(Math.min(...kept.map((s) => s.minPrice))) : undefined,
    });
  }
  return choices;
}

/** The flight filters, from the facets of the list on screen (departing flights, their returns, or one-way). */
export function FlightFilters({ facets, params, onChange, step, names }: Props) {
  const url = { params, onChange };
  const roundTrip = step !== 'one-way';
  return (
    <>
      <ParamRadioFilter legend="Stops" name="maxStops" {...url} choices={stopChoices(facets)} />
      <MaxPriceFilter
        legend={roundTrip ? 'Price (round trip, per person)' : 'Price (one way, per person)'}
        name="maxPrice"
        min={facets.price.min}
        max={facets.price.max}
        {...url}
      />
      <TimeWindows facets={facets} params={params} onChange={onChange} step={step} />
      <MaxSliderFilter
        legend={`Total travel time${roundTrip ? ' (each way)' : ''}`}
        name="maxDurationMin"
        min={facets.durationMin.min}
        max={facets.durationMin.max}
        step={15}
        format={formatDuration}
        {...url}
      />
      <CheckboxFilter
        legend="Airlines"
        name="airlines"
        {...url}
        choices={facets.airlines.map((a) => ({
          value: a.code,
          label: names.get(a.code) ?? a.code,
          count: a.count,
          note: fromPrice(a.minPrice),
        }))}
      />
      <CheckboxFilter
        legend="Connect only in"
        name="via"
        initiallyShown={8}
        {...url}
        choices={facets.layoverAirports.map((a) => ({
          value: a.code,
          label: names.has(a.code) ? `${names.get(a.code)} (${a.code})` : a.code,
          count: a.count,
          note: fromPrice(a.minPrice),
        }))}
      />
      <ParamRadioFilter
        legend="Longest layover"
        name="maxLayoverMin"
        {...url}
        choices={[
          { value: '', label: 'Any length' },
          { value: '90', label: 'Up to 1h 30m' },
          { value: '180', label: 'Up to 3 hours' },
          { value: '360', label: 'Up to 6 hours' },
        ]}
      />
      <fieldset>
        <legend>Tickets</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={params.get('separateTickets') === 'false'}
            onChange={(e) => onChange(withParam(params, 'separateTickets', e.target.checked ? 'false' : null))}
          />{' '}
          One ticket only (no separate tickets)
        </label>
      </fieldset>
      <ToggleFilter legend="Fare" label="Refundable only" name="refundable" {...url} />
      <NearbyAirportsFilter {...url} />
    </>
  );
}
