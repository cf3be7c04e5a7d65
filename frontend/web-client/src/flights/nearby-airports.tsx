import type { PlacesAnswer } from '@tripwise/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api } from '../api/http.ts';
import { SelectOptions } from '../search/select-options.tsx';
import { withParam } from '../search/url-params.ts';

/** How far around an airport or city to look for other airports (the API's `originRadiusKm`/`destinationRadiusKm`). */
export const RADII = [
  ['', 'None'],
  ['50', 'Within 50 km'],
  ['100', 'Within 100 km'],
  ['150', 'Within 150 km'],
] as const;

function RadiusSelect({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <SelectOptions options={RADII} />
      </select>
    </div>
  );
}

/** The results page's nearby-airports choice, one for each end of the trip. */
export function NearbyAirportsFilter({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const set = (key: string) => (value: string) => onChange(withParam(params, key, value));
  return (
    <fieldset>
      <legend>Nearby airports</legend>
      <RadiusSelect
        label={`Also leave from airports near ${params.get('origin') ?? ''}`}
        value={params.get('originRadiusKm') ?? ''}
        onChange={set('originRadiusKm')}
      />
      <RadiusSelect
        label={`Also fly to airports near ${params.get('destination') ?? ''}`}
        value={params.get('destinationRadiusKm') ?? ''}
        onChange={set('destinationRadiusKm')}
      />
    </fieldset>
  );
}

/** The search form's single choice, applied at both ends. */
export function NearbyAirportsField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return <RadiusSelect label="Nearby airports" value={value} onChange={onChange} />;
}

/** A code's airports: a metro's (NYC: JFK, LGA, EWR), or the airport alone. */
function useAirportsOf(code: string) {
  const places = useQuery({
    queryKey: ['places', code, 3],
    queryFn: ({ signal }) =>
      api<PlacesAnswer>('/api/search/places', { query: { q: code, limit: 3 }, signal, auth: false }),
    staleTime: 3_600_000,
    enabled: code.length === 3,
  });
  const match = places.data?.items.find((p) => p.code === code);
  return match?.kind === 'metro' ? { name: match.city, airports: match.airports ?? [] } : null;
}

const listed = (codes: readonly string[]) =>
  codes.length <= 1 ? codes.join('') : `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;

function EndNote({ code, radius, verb }: { code: string; radius: string | null; verb: string }) {
  const metro = useAirportsOf(code);
  if (!metro && !radius) return null;
  return (
    <li>
      {verb} {metro ? `any ${metro.name} airport (${listed(metro.airports)})` : code}
      {radius ? `, or another airport within ${radius} km` : ''}.
    </li>
  );
}

/** Which airports the search covers, when a city or a radius widens it; each card names the airports it uses. */
export function AirportsCovered({ params }: { params: URLSearchParams }) {
  const [origin, destination] = [params.get('origin') ?? '', params.get('destination') ?? ''];
  return (
    <ul className="airports-covered muted small" aria-label="Airports in this search">
      <EndNote code={origin} radius={params.get('originRadiusKm')} verb="Leaving from" />
      <EndNote code={destination} radius={params.get('destinationRadiusKm')} verb="Arriving at" />
    </ul>
  );
}
