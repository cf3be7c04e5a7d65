import { useEffect, useId, useState } from 'react';
import { formatMoney } from '../ui/format.ts';
import { listParam, toggledInList, withParam } from './url-params.ts';

interface FilterProps {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}

/** A results page's own filters, built from the facets of its first page. */
export type FacetFiltersProps<F> = FilterProps & { facets: F };

export interface Choice {
  value: string;
  label: string;
  count?: number | undefined;
  /** e.g. the lowest price among them */
  note?: string | undefined;
}

/** A facet's note on its cheapest result; the search API prices facets in US dollars. */
export const fromPrice = (amount: number) => `from ${formatMoney({ amount, currency: 'USD' })}`;

type ListFilterProps = FilterProps & { legend: string; name: string; choices: Choice[] };

/**
 * A multi-select facet kept in the URL as a comma-separated list (airlines, stars, amenities, car types…). A long
 * list shows its first `initiallyShown` choices (and any selected) until the traveler asks for all of them.
 */
export function CheckboxFilter({
  legend,
  name,
  choices,
  params,
  onChange,
  initiallyShown,
}: ListFilterProps & { initiallyShown?: number }) {
  const selected = new Set(listParam(params, name));
  const [all, setAll] = useState(false);
  if (choices.length === 0) return null;
  const folded = !all && initiallyShown !== undefined && choices.length > initiallyShown;
  const shown = folded ? choices.filter((c, i) => i < initiallyShown || selected.has(c.value)) : choices;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {shown.map((c) => (
        <label key={c.value} className="check">
          <input
            type="checkbox"
            checked={selected.has(c.value)}
            onChange={(e) => onChange(toggledInList(params, name, c.value, e.target.checked))}
          />{' '}
          {c.label}
          {c.count !== undefined && <span className="muted"> ({c.count})</span>}
          {c.note && <span className="muted"> · {c.note}</span>}
        </label>
      ))}
      {folded && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {choices.length}
        </button>
      )}
    </fieldset>
  );
}

/** One choice among several (a time window, a minimum rating); the first choice means "any". */
export function RadioFilter({
  legend,
  choices,
  current,
  onPick,
}: {
  legend: string;
  choices: Choice[];
  current: string;
  onPick: (value: string) => void;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="check">
          <input type="radio" name={name} checked={current === c.value} onChange={() => onPick(c.value)} /> {c.label}
          {c.count !== undefined && <span className="muted"> ({c.count})</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** A RadioFilter over one URL parameter (stops, rating, transmission…); the "any" choice removes it. */
export function ParamRadioFilter({ name, params, onChange, ...radio }: ListFilterProps) {
  return (
    <RadioFilter
      {...radio}
      current={params.get(name) ?? ''}
      onPick={(value) => onChange(withParam(params, name, value))}
    />
  );
}

/** A yes/no filter kept in the URL as `name=true`. */
export function ToggleFilter({
  legend,
  label,
  name,
  params,
  onChange,
}: FilterProps & { legend: string; label: string; name: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label className="check toggle">
        <input
          type="checkbox"
          checked={params.get(name) === 'true'}
          onChange={(e) => onChange(withParam(params, name, e.target.checked ? 'true' : null))}
        />{' '}
        {label}
      </label>
    </fieldset>
  );
}

/**
 * A maximum slider over a facet's range (a price, a duration). It follows the thumb at once but asks the API only
 * once the traveler pauses, so dragging does not fire a search per pixel.
 */
export function MaxSliderFilter({
  legend,
  name,
  min,
  max,
  step,
  format,
  params,
  onChange,
}: FilterProps & {
  legend: string;
  name: string;
  min: number | null;
  max: number | null;
  step: number;
  format: (value: number) => string;
}) {
  const id = useId();
  const fromUrl = Number(params.get(name) ?? max ?? 0);
  const [value, setValue] = useState(fromUrl);
  useEffect(() => setValue(fromUrl), [fromUrl]);
  useEffect(() => {
    if (value === fromUrl) return;
    const timer = setTimeout(
      () => onChange(withParam(params, name, max !== null && value >= max ? null : String(value))),
      400,
    );
    return () => clearTimeout(timer);
  }, [value, fromUrl, max, name, onChange, params]);
  if (min === null || max === null || min >= max) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label htmlFor={id}>
        Up to <strong>{format(value)}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(Math.max(value, min), max)}
        aria-valuetext={format(value)}
        onChange={(e) => setValue(Number(e.target.value))}
      />
      <div className="range-ends muted" aria-hidden="true">
        <span>{format(min)}</span>
        <span>{format(max)}</span>
      </div>
    </fieldset>
  );
}

const usd = (amount: number) => formatMoney({ amount, currency: 'USD' });

/** A maximum price slider over the facet's range, in whole-dollar steps of about a fiftieth of it. */
export function MaxPriceFilter(
  props: FilterProps & { legend: string; name: string; min: number | null; max: number | null },
) {
  const { min, max } = props;
  const step = min !== null && max !== null ? Math.max(100, Math.round((max - min) / 50 / 100) * 100) : 100;
  return <MaxSliderFilter {...props} step={step} format={usd} />;
}
