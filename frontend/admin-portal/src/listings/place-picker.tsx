import { useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useDeferredValue, useId, useState } from 'react';

interface Place {
  code: string;
  kind: string;
  name: string;
  city: string;
  country: string;
}

/**
 * Finds the city or airport a listing is at (the public places search) and fills in its code, city and country;
 * those fields stay editable.
 */
export function PlacePicker({ onPick }: { onPick: (place: Place) => void }) {
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const inputId = useId();
  const places = useQuery({
    queryKey: ['places', q],
    queryFn: ({ signal }) => api<{ items: Place[] }>('/api/search/places', { query: { q }, auth: false, signal }),
    enabled: q.length >= 2,
    staleTime: Infinity,
  });
  const items = q.length >= 2 ? (places.data?.items ?? []) : [];
  return (
    <div className="field wide">
      <label htmlFor={inputId}>Find the city or airport</label>
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder="e.g. Boston or BOS"
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${inputId}-hint`}
      />
      <small id={`${inputId}-hint`} className="hint">
        Pick one to fill in the code, city and country below.
      </small>
      {items.length > 0 && (
        <ul className="actions" aria-label="Places found">
          {items.map((place) => (
            <li key={`${place.kind}-${place.code}`} className="check">
              <button
                type="button"
                className="secondary small"
                onClick={() => {
                  onPick(place);
                  setText('');
                }}
              >
                {place.city} ({place.code}), {place.country}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
