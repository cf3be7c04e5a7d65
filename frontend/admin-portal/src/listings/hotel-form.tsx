import { hotelAmenitySchema, type HotelListing } from '@tripwise/contracts';
import { Field, FormError, SelectField, TextAreaField } from '../ui/field.tsx';
import { words } from '../ui/format.ts';
import { checkHotel, emptyRoom, type HotelDraft, type RoomDraft } from './form-model.ts';
import { PlacePicker } from './place-picker.tsx';
import { useListingForm } from './use-listing-form.ts';

type TextKey = 'name' | 'cityCode' | 'city' | 'country' | 'address' | 'neighborhood' | 'latitude' | 'longitude';

interface Props {
  initial: HotelDraft;
  submitLabel: string;
  onSubmit: (body: HotelListing) => Promise<unknown>;
}

/**
 * A hotel with its room types, amenities and policies. Checked against the listings API's own schema before it
 * is sent; the API's answer, if it still refuses, lands on the same fields.
 */
export function HotelForm({ initial, submitLabel, onSubmit }: Props) {
  const f = useListingForm(initial, checkHotel, onSubmit);
  const { draft, set, error } = f;
  const text = (key: TextKey, label: string, extra: Record<string, unknown> = {}) => (
    <Field
      label={label}
      name={key}
      value={draft[key]}
      onChange={(e) => set(key)(e.target.value)}
      error={error(key)}
      {...extra}
    />
  );
  const setRoom = (index: number, patch: Partial<RoomDraft>) =>
    f.setDraft((d) => ({ ...d, rooms: d.rooms.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const setPolicy = <K extends keyof HotelDraft>(key: K, label: string, extra: Record<string, unknown> = {}) => (
    <Field
      label={label}
      value={draft[key] as string}
      onChange={(e) => set(key)(e.target.value as HotelDraft[K])}
      error={error(`policies.${key}`)}
      {...extra}
    />
  );

  return (
    <form ref={f.form} onSubmit={(e) => void f.submit(e)} noValidate aria-label="Hotel details">
      <FormError message={f.formError} />
      <fieldset>
        <legend>The hotel</legend>
        <div className="grid">
          {text('name', 'Hotel name')}
          <SelectField
            label="Stars"
            value={draft.stars}
            onChange={(e) => set('stars')(e.target.value)}
            error={error('stars')}
          >
            {[1, 2, 3, 4, 5].map((s) => (
              <option key={s} value={s}>
                {s} star{s === 1 ? '' : 's'}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Description"
            rows={3}
            value={draft.description}
            onChange={(e) => set('description')(e.target.value)}
            error={error('description')}
            hint="What guests should know: up to 2,000 characters."
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Where it is</legend>
        <div className="grid">
          <PlacePicker
            onPick={(place) =>
              f.setDraft((d) => ({ ...d, cityCode: place.code, city: place.city, country: place.country }))
            }
          />
          {text('cityCode', 'City code', { hint: 'Three letters, as travelers search it (e.g. BOS).', maxLength: 3 })}
          {text('city', 'City')}
          {text('country', 'Country')}
          {text('address', 'Street address', { autoComplete: 'street-address' })}
          {text('neighborhood', 'Neighborhood')}
          {text('latitude', 'Latitude', { inputMode: 'decimal', hint: '−90 to 90, e.g. 42.3601' })}
          {text('longitude', 'Longitude', { inputMode: 'decimal', hint: '−180 to 180, e.g. −71.0589' })}
        </div>
      </fieldset>
      <fieldset aria-describedby={error('amenities') ? 'amenities-error' : undefined}>
        <legend>Amenities</legend>
        <div className="grid">
          {hotelAmenitySchema.options.map((amenity) => (
            <label key={amenity} className="check">
              <input
                type="checkbox"
                checked={draft.amenities.includes(amenity)}
                onChange={(e) =>
                  set('amenities')(
                    e.target.checked ? [...draft.amenities, amenity] : draft.amenities.filter((a) => a !== amenity),
                  )
                }
              />
              {words(amenity)}
            </label>
          ))}
        </div>
        {error('amenities') && (
          <small id="amenities-error" className="error">
            {error('amenities')}
          </small>
        )}
      </fieldset>
      <fieldset>
        <legend>Policies</legend>
        <div className="grid">
          {setPolicy('refundWindowHours', 'Free cancellation until (hours before check-in)', { inputMode: 'numeric' })}
          <SelectField
            label="Parking"
            value={draft.parking}
            onChange={(e) => set('parking')(e.target.value)}
            error={error('policies.parking')}
          >
            <option value="free">Free parking</option>
            <option value="paid">Paid parking</option>
            <option value="none">No parking</option>
          </SelectField>
          {setPolicy('checkInTime', 'Check-in from', { type: 'time' })}
          {setPolicy('checkOutTime', 'Check-out by', { type: 'time' })}
          <label className="check">
            <input type="checkbox" checked={draft.petsAllowed} onChange={(e) => set('petsAllowed')(e.target.checked)} />
            Pets allowed
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.breakfastIncluded}
              onChange={(e) => set('breakfastIncluded')(e.target.checked)}
            />
            Breakfast included
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Room types</legend>
        {error('rooms') && <p className="error">{error('rooms')}</p>}
        {draft.rooms.map((room, i) => (
          <fieldset key={room.id ?? `new-${i}`} aria-label={`Room type ${i + 1}`}>
            <legend>
              Room type {i + 1}
              {room.id ? '' : ' (new)'}
            </legend>
            <div className="grid">
              <Field
                label="Name"
                value={room.name}
                onChange={(e) => setRoom(i, { name: e.target.value })}
                error={error(`rooms.${i}.name`)}
                hint="e.g. Double Room, Family Suite"
              />
              <Field
                label="Sleeps"
                inputMode="numeric"
                value={room.capacity}
                onChange={(e) => setRoom(i, { capacity: e.target.value })}
                error={error(`rooms.${i}.capacity`)}
              />
              <Field
                label="Rooms of this type"
                inputMode="numeric"
                value={room.units}
                onChange={(e) => setRoom(i, { units: e.target.value })}
                error={error(`rooms.${i}.units`)}
                hint={room.id ? 'Set 0 to stop selling it.' : undefined}
              />
              <Field
                label="Nightly price (USD)"
                inputMode="decimal"
                value={room.nightlyPrice}
                onChange={(e) => setRoom(i, { nightlyPrice: e.target.value })}
                error={error(`rooms.${i}.nightlyPrice`)}
              />
            </div>
            {!room.id && draft.rooms.length > 1 && (
              <button
                type="button"
                className="link"
                onClick={() => f.setDraft((d) => ({ ...d, rooms: d.rooms.filter((_, j) => j !== i) }))}
              >
                Remove room type {i + 1}
              </button>
            )}
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={draft.rooms.length >= 20}
          onClick={() => f.setDraft((d) => ({ ...d, rooms: [...d.rooms, emptyRoom()] }))}
        >
          Add a room type
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={f.pending}>
          {f.pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
