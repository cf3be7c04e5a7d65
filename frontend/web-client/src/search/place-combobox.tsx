import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState, type KeyboardEvent } from 'react';
import { api } from '../api/http.ts';
import type { Place } from './search-types.ts';

export interface PlaceValue {
  code: string;
  label: string;
}

/** A place named by its code alone, as a URL gives it. */
export const placeFrom = (code: string | null): PlaceValue => ({ code: code ?? '', label: code ?? '' });

interface Props {
  label: string;
  value: PlaceValue;
  onChange: (value: PlaceValue) => void;
  error?: string | undefined;
}

export const placeLabel = (p: Place) => (p.kind === 'airport' ? `${p.city} (${p.code})` : `${p.name} (${p.code})`);

/**
 * An airport or city type-ahead following the ARIA combobox pattern: the input keeps focus, arrow keys move through
 * the suggestions (announced with aria-activedescendant), Enter picks one, Escape closes the list.
 */
export function PlaceCombobox({ label, value, onChange, error }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDeferredValue(value.label.trim());
  const places = useQuery({
    queryKey: ['places', typed],
    queryFn: ({ signal }) =>
      api<{ items: Place[] }>('/api/search/places', { query: { q: typed, limit: 6 }, signal, auth: false }),
    enabled: open && typed.length > 0,
    staleTime: 3_600_000,
  });
  const options = open ? (places.data?.items ?? []) : [];
  const expanded = options.length > 0;

  const choose = (place: Place) => {
    onChange({ code: place.code, label: placeLabel(place) });
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded) {
      const picked = options[active >= 0 ? active : 0];
      if (picked) {
        event.preventDefault();
        choose(picked);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const listId = `${id}-list`;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        placeholder="City or airport"
        value={value.label}
        onChange={(e) => {
          // Until a suggestion is picked, a typed three-letter code is taken as it is.
          const text = e.target.value;
          onChange({ label: text, code: /^[a-z]{3}$/i.test(text.trim()) ? text.trim().toUpperCase() : '' });
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="listbox" hidden={!expanded}>
        {options.map((place, i) => (
          <li
            key={place.code}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: it runs before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(place);
            }}
          >
            <strong>{placeLabel(place)}</strong>{' '}
            <span className="muted">
              {place.kind === 'airport' ? place.name : place.kind === 'metro' ? 'All airports' : place.country}
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
