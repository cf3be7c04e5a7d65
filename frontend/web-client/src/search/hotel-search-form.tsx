import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../ui/field.tsx';
import { formatDate } from '../ui/format.ts';
import { addDays, notBefore, todayIso } from './dates.ts';
import { PlaceCombobox } from './place-combobox.tsx';
import { rememberSearch } from './recent-searches.ts';

/** Where, which nights, how many guests and rooms: submits to /hotels with the criteria in the URL. */
export function HotelSearchForm({ initial = new URLSearchParams() }: { initial?: URLSearchParams }) {
  const navigate = useNavigate();
  const today = todayIso();
  const [city, setCity] = useState({ code: initial.get('city') ?? '', label: initial.get('city') ?? '' });
  const [checkIn, setCheckIn] = useState(initial.get('checkIn') ?? addDays(today, 14));
  const [checkOut, setCheckOut] = useState(initial.get('checkOut') ?? addDays(checkIn, 3));
  const [guests, setGuests] = useState(initial.get('guests') ?? '2');
  const [rooms, setRooms] = useState(initial.get('rooms') ?? '1');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!city.code) {
      setError('Choose a city or airport from the list.');
      return;
    }
    setError(undefined);
    const out = notBefore(checkOut, addDays(checkIn, 1));
    const safeRooms = String(Math.min(Number(rooms), Number(guests)));
    const params = new URLSearchParams({ city: city.code, checkIn, checkOut: out, guests, rooms: safeRooms });
    const path = `/hotels?${params.toString()}`;
    rememberSearch({
      kind: 'hotels',
      label: `Hotels in ${city.label || city.code}, ${formatDate(checkIn)} – ${formatDate(out)}`,
      path,
    });
    void navigate(path);
  };

  return (
    <form className="search-form card" onSubmit={submit} aria-label="Search hotels" noValidate>
      <div className="row">
        <PlaceCombobox label="Where" value={city} onChange={setCity} error={error} placeholder="City or airport" />
      </div>
      <div className="row">
        <Field
          label="Check-in"
          type="date"
          value={checkIn}
          min={today}
          required
          onChange={(e) => {
            setCheckIn(e.target.value);
            setCheckOut((out) => notBefore(out, addDays(e.target.value, 1)));
          }}
        />
        <Field
          label="Check-out"
          type="date"
          value={checkOut}
          min={addDays(checkIn, 1)}
          required
          onChange={(e) => setCheckOut(e.target.value)}
        />
        <div className="field">
          <label htmlFor="hotel-guests">Guests</label>
          <select id="hotel-guests" value={guests} onChange={(e) => setGuests(e.target.value)}>
            {Array.from({ length: 16 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'guest' : 'guests'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hotel-rooms">Rooms</label>
          <select id="hotel-rooms" value={rooms} onChange={(e) => setRooms(e.target.value)}>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n} disabled={n > Number(guests)}>
                {n} {n === 1 ? 'room' : 'rooms'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit">Search hotels</button>
    </form>
  );
}
