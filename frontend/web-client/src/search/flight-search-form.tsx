import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../ui/field.tsx';
import { formatDate } from '../ui/format.ts';
import { addDays, notBefore, todayIso } from './dates.ts';
import { PlaceCombobox, type PlaceValue } from './place-combobox.tsx';
import { rememberSearch } from './recent-searches.ts';

export const CABINS = [
  ['economy', 'Economy'],
  ['premium_economy', 'Premium economy'],
  ['business', 'Business'],
  ['first', 'First'],
] as const;

const place = (code: string | null): PlaceValue => ({ code: code ?? '', label: code ?? '' });

/** Where, when, how many and which cabin: submits to /flights with the criteria in the URL. */
export function FlightSearchForm({ initial = new URLSearchParams() }: { initial?: URLSearchParams }) {
  const navigate = useNavigate();
  const today = todayIso();
  const [origin, setOrigin] = useState(place(initial.get('origin')));
  const [destination, setDestination] = useState(place(initial.get('destination')));
  const [roundTrip, setRoundTrip] = useState(initial.get('date') ? initial.has('returnDate') : true);
  const [date, setDate] = useState(initial.get('date') ?? addDays(today, 14));
  const [returnDate, setReturnDate] = useState(initial.get('returnDate') ?? addDays(date, 4));
  const [passengers, setPassengers] = useState(initial.get('passengers') ?? '1');
  const [cabin, setCabin] = useState(initial.get('cabin') ?? 'economy');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!origin.code) found.origin = 'Choose a departure airport or city from the list.';
    if (!destination.code) found.destination = 'Choose a destination airport or city from the list.';
    if (origin.code && origin.code === destination.code) {
      found.destination = 'Choose a destination other than the origin.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const params = new URLSearchParams({ origin: origin.code, destination: destination.code, date });
    if (roundTrip) params.set('returnDate', notBefore(returnDate, date));
    params.set('passengers', passengers);
    params.set('cabin', cabin);
    const path = `/flights?${params.toString()}`;
    rememberSearch({
      kind: 'flights',
      label: `${origin.code} → ${destination.code}, ${formatDate(date)}${roundTrip ? ` – ${formatDate(returnDate)}` : ''}`,
      path,
    });
    void navigate(path);
  };

  return (
    <form className="search-form card" onSubmit={submit} aria-label="Search flights" noValidate>
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
        <PlaceCombobox
          label="From"
          value={origin}
          onChange={setOrigin}
          error={errors.origin}
          placeholder="City or airport"
        />
        <PlaceCombobox
          label="To"
          value={destination}
          onChange={setDestination}
          error={errors.destination}
          placeholder="City or airport"
        />
      </div>
      <div className="row">
        <Field
          label="Depart"
          type="date"
          value={date}
          min={today}
          required
          onChange={(e) => {
            setDate(e.target.value);
            setReturnDate((r) => notBefore(r, e.target.value));
          }}
        />
        {roundTrip && (
          <Field
            label="Return"
            type="date"
            value={returnDate}
            min={date}
            required
            onChange={(e) => setReturnDate(e.target.value)}
          />
        )}
        <div className="field">
          <label htmlFor="flight-passengers">Travelers</label>
          <select id="flight-passengers" value={passengers} onChange={(e) => setPassengers(e.target.value)}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'adult' : 'adults'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="flight-cabin">Cabin</label>
          <select id="flight-cabin" value={cabin} onChange={(e) => setCabin(e.target.value)}>
            {CABINS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit">Search flights</button>
    </form>
  );
}
