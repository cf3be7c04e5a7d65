import { useState, type FormEvent } from 'react';
import { PlaceCombobox, placeFrom } from '../search/place-combobox.tsx';
import { SelectField } from '../search/select-field.tsx';
import { Field } from '../ui/field.tsx';
import { THEMES, TRIP_LENGTHS, monthsAhead } from './explore-query.ts';

/** From where, when, for how long, up to what price and for what kind of trip: the Explore page's address. */
export function ExploreForm({
  initial,
  onSearch,
}: {
  initial: URLSearchParams;
  onSearch: (next: URLSearchParams) => void;
}) {
  const [origin, setOrigin] = useState(placeFrom(initial.get('origin')));
  const [month, setMonth] = useState(initial.get('month') ?? '');
  const [tripLength, setTripLength] = useState(initial.get('tripLength') ?? '7');
  const cents = Number(initial.get('maxPrice'));
  const [budget, setBudget] = useState(cents > 0 ? String(Math.round(cents / 100)) : '');
  const [theme, setTheme] = useState(initial.get('theme') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!origin.code) found.origin = 'Choose the airport or city you leave from.';
    if (budget && !(Number(budget) >= 1)) found.budget = 'A whole number of dollars, or leave it empty.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const next = new URLSearchParams({ origin: origin.code, tripLength });
    if (month) next.set('month', month);
    if (budget) next.set('maxPrice', String(Math.round(Number(budget)) * 100));
    if (theme) next.set('theme', theme);
    for (const key of ['passengers', 'cabin']) if (initial.get(key)) next.set(key, initial.get(key)!);
    onSearch(next);
  };

  return (
    <form className="search-form card explore-form" onSubmit={submit} aria-label="Explore destinations" noValidate>
      <div className="row">
        <PlaceCombobox label="From" value={origin} onChange={setOrigin} error={errors.origin} />
        <SelectField id="explore-month" label="When" value={month} onChange={setMonth}>
          <option value="">The next 30 days</option>
          {monthsAhead().map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="explore-length" label="Trip length" value={tripLength} onChange={setTripLength}>
          {TRIP_LENGTHS.map((n) => (
            <option key={n} value={n}>
              {n} nights
            </option>
          ))}
        </SelectField>
        <Field
          label="Budget (US$, round trip per person)"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          placeholder="Any"
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          error={errors.budget}
        />
      </div>
      <fieldset className="theme-choice">
        <legend>Kind of trip</legend>
        {THEMES.map(([value, label]) => (
          <label key={value} className="chip">
            <input
              type="radio"
              name="explore-theme"
              value={value}
              checked={theme === value}
              onChange={() => setTheme(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit">Explore</button>
      </div>
    </form>
  );
}
