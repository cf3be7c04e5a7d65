import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../ui/field.tsx';
import { formatDate } from '../ui/format.ts';
import { addDays, todayIso } from './dates.ts';
import { PlaceCombobox } from './place-combobox.tsx';
import { rememberSearch } from './recent-searches.ts';

/** Where and when to pick up and drop off: submits to /cars with the criteria in the URL. */
export function CarSearchForm({ initial = new URLSearchParams() }: { initial?: URLSearchParams }) {
  const navigate = useNavigate();
  const today = todayIso();
  const [location, setLocation] = useState({
    code: initial.get('location') ?? '',
    label: initial.get('location') ?? '',
  });
  const [pickupDate, setPickupDate] = useState(initial.get('pickupDate') ?? addDays(today, 14));
  const [pickupTime, setPickupTime] = useState(initial.get('pickupTime') ?? '10:00');
  const [dropoffDate, setDropoffDate] = useState(initial.get('dropoffDate') ?? addDays(pickupDate, 3));
  const [dropoffTime, setDropoffTime] = useState(initial.get('dropoffTime') ?? '10:00');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!location.code) found.location = 'Choose a pick-up city or airport from the list.';
    if (`${dropoffDate}T${dropoffTime}` <= `${pickupDate}T${pickupTime}`) found.dropoff = 'Drop off after the pick-up.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const params = new URLSearchParams({ location: location.code, pickupDate, pickupTime, dropoffDate, dropoffTime });
    const path = `/cars?${params.toString()}`;
    rememberSearch({
      kind: 'cars',
      label: `Cars in ${location.label || location.code}, ${formatDate(pickupDate)} – ${formatDate(dropoffDate)}`,
      path,
    });
    void navigate(path);
  };

  return (
    <form className="search-form card" onSubmit={submit} aria-label="Search cars" noValidate>
      <div className="row">
        <PlaceCombobox
          label="Pick-up location"
          value={location}
          onChange={setLocation}
          error={errors.location}
          placeholder="City or airport"
        />
      </div>
      <div className="row">
        <Field
          label="Pick-up date"
          type="date"
          value={pickupDate}
          min={today}
          required
          onChange={(e) => {
            setPickupDate(e.target.value);
            if (dropoffDate < e.target.value) setDropoffDate(addDays(e.target.value, 1));
          }}
        />
        <Field
          label="Pick-up time"
          type="time"
          value={pickupTime}
          required
          onChange={(e) => setPickupTime(e.target.value)}
        />
        <Field
          label="Drop-off date"
          type="date"
          value={dropoffDate}
          min={pickupDate}
          required
          error={errors.dropoff}
          onChange={(e) => setDropoffDate(e.target.value)}
        />
        <Field
          label="Drop-off time"
          type="time"
          value={dropoffTime}
          required
          onChange={(e) => setDropoffTime(e.target.value)}
        />
      </div>
      <button type="submit">Search cars</button>
    </form>
  );
}
