import { Field } from '../ui/field.tsx';
import type { ProfileDraft } from './profile-draft.ts';
import { SelectField } from './select-field.tsx';

const CABINS = [
  ['', 'No preference'],
  ['economy', 'Economy'],
  ['premium_economy', 'Premium economy'],
  ['business', 'Business'],
  ['first', 'First'],
] as const;
const SEATS = [
  ['', 'Not set'],
  ['aisle', 'Aisle'],
  ['window', 'Window'],
  ['no_preference', 'No preference'],
] as const;
const STARS = [['', 'Any'], ...[1, 2, 3, 4, 5].map((n) => [String(n), `${n}+ stars`] as const)] as const;
const CARS = [
  ['', 'No preference'],
  ['economy', 'Economy'],
  ['compact', 'Compact'],
  ['standard', 'Standard'],
  ['full_size', 'Full size'],
  ['suv', 'SUV'],
  ['van', 'Van'],
  ['luxury', 'Luxury'],
  ['convertible', 'Convertible'],
] as const;

interface Props {
  draft: ProfileDraft;
  set: (field: keyof ProfileDraft, value: string | boolean) => void;
  errorOf: (field: keyof ProfileDraft) => string | undefined;
}

/** Saved travel preferences: searches and the AI concierge start from them. */
export function PreferenceFields({ draft, set, errorOf }: Props) {
  const select = (field: keyof ProfileDraft) => ({
    value: String(draft[field]),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    error: errorOf(field),
  });
  return (
    <fieldset className="preferences">
      <legend>Travel preferences</legend>
      <div className="row">
        <Field
          label="Home airport"
          hint="Its 3-letter code, e.g. BOS"
          maxLength={3}
          value={draft.homeAirport}
          onChange={(e) => set('homeAirport', e.target.value.toUpperCase())}
          error={errorOf('homeAirport')}
        />
        <Field
          label="Currency"
          hint="e.g. USD"
          maxLength={3}
          value={draft.currency}
          onChange={(e) => set('currency', e.target.value.toUpperCase())}
          error={errorOf('currency')}
        />
      </div>
      <div className="row">
        <SelectField label="Cabin" options={CABINS} {...select('cabin')} />
        <SelectField label="Seat" options={SEATS} {...select('seat')} />
        <SelectField label="Hotel class" options={STARS} {...select('hotelStarsMin')} />
        <SelectField label="Car type" options={CARS} {...select('carType')} />
      </div>
      <label className="account-checkbox">
        <input type="checkbox" checked={draft.dealAlerts} onChange={(e) => set('dealAlerts', e.target.checked)} /> Tell
        me about deals on my kind of trips
      </label>
    </fieldset>
  );
}
