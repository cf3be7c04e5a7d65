import { useState } from 'react';
import { formatDate } from '../ui/format.ts';
import { DateRangeFields, useTripDates } from './date-fields.tsx';
import { addDays, notBefore } from './dates.ts';
import { PlaceCombobox, placeFrom } from './place-combobox.tsx';
import { SearchFormFrame } from './search-form-frame.tsx';
import { CountOptions, SelectField } from './select-field.tsx';
import { useStartSearch } from './use-start-search.ts';

/** Where, which nights, how many guests and rooms: submits to /hotels with the criteria in the URL. */
export function HotelSearchForm({ initial = new URLSearchParams() }: { initial?: URLSearchParams }) {
  const startSearch = useStartSearch();
  const [city, setCity] = useState(placeFrom(initial.get('city')));
  const dates = useTripDates({ start: initial.get('checkIn'), end: initial.get('checkOut') }, 3);
  const [guests, setGuests] = useState(initial.get('guests') ?? '2');
  const [rooms, setRooms] = useState(initial.get('rooms') ?? '1');
  const [error, setError] = useState<string>();

  const submit = () => {
    if (!city.code) {
      setError('Choose a city or airport from the list.');
      return;
    }
    setError(undefined);
    const checkIn = dates.start;
    const checkOut = notBefore(dates.end, addDays(checkIn, 1));
    const safeRooms = String(Math.min(Number(rooms), Number(guests)));
    const params = new URLSearchParams({ city: city.code, checkIn, checkOut, guests, rooms: safeRooms });
    startSearch(
      'hotels',
      params,
      `Hotels in ${city.label || city.code}, ${formatDate(checkIn)} – ${formatDate(checkOut)}`,
    );
  };

  return (
    <SearchFormFrame kind="hotels" onSubmit={submit}>
      <div className="row">
        <PlaceCombobox label="Where" value={city} onChange={setCity} error={error} />
      </div>
      <div className="row">
        <DateRangeFields labels={['Check-in', 'Check-out']} dates={dates} minDays={1} />
        <SelectField id="hotel-guests" label="Guests" value={guests} onChange={setGuests}>
          <CountOptions upTo={16} noun="guest" />
        </SelectField>
        <SelectField id="hotel-rooms" label="Rooms" value={rooms} onChange={setRooms}>
          <CountOptions upTo={8} noun="room" enabledUpTo={Number(guests)} />
        </SelectField>
      </div>
    </SearchFormFrame>
  );
}
