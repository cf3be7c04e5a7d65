import type { ReactNode } from 'react';
import { plural } from '../ui/format.ts';

interface Props {
  /** Fixed, since each page shows one search form at a time. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}

export function SelectField({ id, label, value, onChange, children }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** "1 adult" to "9 adults"; counts above `enabledUpTo` stay listed but cannot be picked (more rooms than guests). */
export function CountOptions({ upTo, noun, enabledUpTo = upTo }: { upTo: number; noun: string; enabledUpTo?: number }) {
  return Array.from({ length: upTo }, (_, i) => i + 1).map((n) => (
    <option key={n} value={n} disabled={n > enabledUpTo}>
      {plural(n, noun)}
    </option>
  ));
}
