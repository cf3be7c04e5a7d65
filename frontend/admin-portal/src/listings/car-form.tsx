import { carTypeSchema, type CarListing } from '@tripwise/contracts';
import { Field, FormError, SelectField } from '../ui/field.tsx';
import { words } from '../ui/format.ts';
import { checkCar, type CarDraft } from './form-model.ts';
import { PlacePicker } from './place-picker.tsx';
import { useListingForm } from './use-listing-form.ts';

interface Props {
  initial: CarDraft;
  submitLabel: string;
  onSubmit: (body: CarListing) => Promise<unknown>;
}

/** A rental car offer: the model, the fleet, the daily price, where it is picked up and its rental terms. */
export function CarForm({ initial, submitLabel, onSubmit }: Props) {
  const f = useListingForm(initial, checkCar, onSubmit);
  const { draft, set, error } = f;
  const input = (key: keyof CarDraft, label: string, path: string = key, extra: Record<string, unknown> = {}) => (
    <Field label={label} value={draft[key]} onChange={(e) => set(key)(e.target.value)} error={error(path)} {...extra} />
  );
  const choice = (
    key: keyof CarDraft,
    label: string,
    options: readonly (readonly [string, string])[],
    path: string = key,
  ) => (
    <SelectField label={label} value={draft[key]} onChange={(e) => set(key)(e.target.value)} error={error(path)}>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </SelectField>
  );

  return (
    <form ref={f.form} onSubmit={(e) => void f.submit(e)} noValidate aria-label="Car details">
      <FormError message={f.formError} />
      <fieldset>
        <legend>The car</legend>
        <div className="grid">
          {input('company', 'Rental company')}
          {input('model', 'Model', 'model', { hint: 'e.g. Toyota Corolla' })}
          {input('year', 'Year', 'year', { inputMode: 'numeric' })}
          {choice(
            'carClass',
            'Class',
            carTypeSchema.options.map((c) => [c, words(c)] as const),
          )}
          {choice('transmission', 'Transmission', [
            ['automatic', 'Automatic'],
            ['manual', 'Manual'],
          ])}
          {input('seats', 'Seats', 'seats', { inputMode: 'numeric' })}
          {input('units', 'Cars available', 'units', {
            inputMode: 'numeric',
            hint: 'How many of this car you rent out; 0 stops selling it.',
          })}
          {input('dailyPrice', 'Daily price (USD)', 'dailyPrice', { inputMode: 'decimal' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Pick-up place</legend>
        <div className="grid">
          <PlacePicker onPick={(place) => f.setDraft((d) => ({ ...d, locationCode: place.code, city: place.city }))} />
          {input('locationCode', 'Airport or city code', 'locationCode', {
            maxLength: 3,
            hint: 'Three letters, e.g. BOS.',
          })}
          {input('city', 'City')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Rental terms</legend>
        <div className="grid">
          {input(
            'freeCancellationHours',
            'Free cancellation until (hours before pick-up)',
            'policies.freeCancellationHours',
            { inputMode: 'numeric' },
          )}
          {choice(
            'mileage',
            'Mileage',
            [
              ['unlimited', 'Unlimited'],
              ['limited', 'Limited'],
            ],
            'policies.mileage',
          )}
          {input('minimumDriverAge', 'Youngest driver (age)', 'policies.minimumDriverAge', { inputMode: 'numeric' })}
          {choice(
            'fuelPolicy',
            'Fuel',
            [
              ['full_to_full', 'Full to full'],
              ['same_to_same', 'Same to same'],
              ['prepaid', 'Prepaid'],
            ],
            'policies.fuelPolicy',
          )}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={f.pending}>
          {f.pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
