import { useState } from 'react';
import { formatDate } from '../ui/format.ts';
import { DateField, TimeField, useTripDates } from './date-fields.tsx';
import { addDays, todayIso } from './dates.ts';
import { PlaceCombobox, placeFrom } from './place-combobox.tsx';
import { SearchFormFrame } from './search-form-frame.tsx';
import { useStartSearch } from './use-start-search.ts';

/** Where and when to pick up and drop off: submits to /cars with the criteria in the URL. */
export function CarSearchForm({ initial = new URLSearchParams() }: { initial?: URLSearchParams }) {
  const startSearch = useStartSearch();
  const [location, setLocation] = useState(placeFrom(initial.get('location')));
  const dates = useTripDates({ start: initial.get('pickupDate'), end: initial.get('dropoffDate') }, 3);
  const [pickupTime, setPickupTime] = useState(initial.get('pickupTime') ?? '10:00');
  const [dropoffTime, setDropoffTime] = useState(initial.get('dropoffTime') ?? '10:00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { start: pickupDate, end: dropoffDate } = dates;

  const submit = () => {
    const found: Record<string, string> = {};
    if (!location.code) found.location = 'Choose a pick-up city or airport from the list.';
    if (`${dropoffDate}T${dropoffTime}` <= `${pickupDate}T${pickupTime}`) found.dropoff = 'Drop off after the pick-up.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const params = new URLSearchParams({ location: location.code, pickupDate, pickupTime, dropoffDate, dropoffTime });
    const when = `${formatDate(pickupDate)} – ${formatDate(dropoffDate)}`;
    startSearch('cars', params, `Cars in ${location.label || location.code}, ${when}`);
  };

  return (
    <SearchFormFrame kind="cars" onSubmit={submit}>
      <div className="row">
        <PlaceCombobox label="Pick-up location" value={location} onChange={setLocation} error={errors.location} />
      </div>
      <div className="row">
        <DateField
          label="Pick-up date"
          value={pickupDate}
          min={todayIso()}
          onChange={(value) => {
            dates.setStart(value);
            // A day's rental rather than the same day: with the same times that would end before it begins.
            if (dropoffDate < value) dates.setEnd(addDays(value, 1));
          }}
        />
        <TimeField label="Pick-up time" value={pickupTime} onChange={setPickupTime} />
        <DateField
          label="Drop-off date"
          value={dropoffDate}
          min={pickupDate}
          error={errors.dropoff}
          onChange={dates.setEnd}
        />
        <TimeField label="Drop-off time" value={dropoffTime} onChange={setDropoffTime} />
      </div>
    </SearchFormFrame>
  );
}
