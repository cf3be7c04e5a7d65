import { useState } from 'react';
import { useNavigate } from 'react-router';
import { calendarPath, dateGridPath } from '../flights/flexible-links.tsx';
import { NearbyAirportsField } from '../flights/nearby-airports.tsx';
import { formatDate } from '../ui/format.ts';
import { DateRangeFields, useTripDates } from './date-fields.tsx';
import { notBefore } from './dates.ts';
import { PlaceCombobox, placeFrom } from './place-combobox.tsx';
import { SearchFormFrame } from './search-form-frame.tsx';
import { CountOptions, SelectField } from './select-field.tsx';
import { SelectOptions } from './select-options.tsx';
import { useStartSearch } from './use-start-search.ts';

export const CABINS = [
  ['economy', 'Economy'],
  ['premium_economy', 'Premium economy'],
  ['business', 'Business'],
  ['first', 'First'],
] as const;

/** Where, when, how many and which cabin: submits to /flights with the criteria in the URL. */
export function FlightSearchForm({ initial = new URLSearchParams() }: { initial?: URLSearchParams }) {
  const startSearch = useStartSearch();
  const [origin, setOrigin] = useState(placeFrom(initial.get('origin')));
  const [destination, setDestination] = useState(placeFrom(initial.get('destination')));
  const [roundTrip, setRoundTrip] = useState(initial.get('date') ? initial.has('returnDate') : true);
  const dates = useTripDates({ start: initial.get('date'), end: initial.get('returnDate') }, 4);
  const [passengers, setPassengers] = useState(initial.get('passengers') ?? '1');
  const [cabin, setCabin] = useState(initial.get('cabin') ?? 'economy');
  // One radius for both ends; the results page can set each end on its own.
  const [radius, setRadius] = useState(initial.get('originRadiusKm') ?? initial.get('destinationRadiusKm') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();

  /** The criteria in the API's names, or null (and the problems shown next to their fields). */
  const criteria = (): URLSearchParams | null => {
    const found: Record<string, string> = {};
    if (!origin.code) found.origin = 'Choose a departure airport or city from the list.';
    if (!destination.code) found.destination = 'Choose a destination airport or city from the list.';
    if (origin.code && origin.code === destination.code) {
      found.destination = 'Choose a destination other than the origin.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return null;
    const { start: date, end: returnDate } = dates;
    const params = new URLSearchParams({ origin: origin.code, destination: destination.code, date });
    if (roundTrip) params.set('returnDate', notBefore(returnDate, date));
    if (radius) {
      params.set('originRadiusKm', radius);
      params.set('destinationRadiusKm', radius);
    }
    params.set('passengers', passengers);
    params.set('cabin', cabin);
    return params;
  };
  const submit = () => {
    const params = criteria();
    if (!params) return;
    const { start: date, end: returnDate } = dates;
    const when = `${formatDate(date)}${roundTrip ? ` – ${formatDate(notBefore(returnDate, date))}` : ''}`;
    startSearch('flights', params, `${origin.code} → ${destination.code}, ${when}`);
  };
  // Flexible dates: a round trip's ±3-day grid, or a one-way month calendar, for the same places and party.
  const flexible = () => {
    const params = criteria();
    if (params) void navigate(roundTrip ? dateGridPath(params) : calendarPath(params));
  };

  return (
    <SearchFormFrame
      kind="flights"
      onSubmit={submit}
      more={
        <button type="button" className="secondary" onClick={flexible}>
          {roundTrip ? 'Flexible dates: price grid' : 'Flexible dates: price calendar'}
        </button>
      }
    >
      <fieldset className="trip-type">
        <legend>Trip</legend>
        <label>
          <input type="radio" name="trip" checked={roundTrip} onChange={() => setRoundTrip(true)} /> Round trip
        </label>
        <label>
          <input type="radio" name="trip" checked={!roundTrip} onChange={() => setRoundTrip(false)} /> One way
        </label>
      </fieldset>
      <div className="row">
        <PlaceCombobox label="From" value={origin} onChange={setOrigin} error={errors.origin} />
        <PlaceCombobox label="To" value={destination} onChange={setDestination} error={errors.destination} />
      </div>
      <div className="row">
        <DateRangeFields labels={['Depart', 'Return']} dates={dates} minDays={0} withEnd={roundTrip} />
        <SelectField id="flight-passengers" label="Travelers" value={passengers} onChange={setPassengers}>
          <CountOptions upTo={9} noun="adult" />
        </SelectField>
        <SelectField id="flight-cabin" label="Cabin" value={cabin} onChange={setCabin}>
          <SelectOptions options={CABINS} />
        </SelectField>
        <NearbyAirportsField value={radius} onChange={setRadius} />
      </div>
    </SearchFormFrame>
  );
}
