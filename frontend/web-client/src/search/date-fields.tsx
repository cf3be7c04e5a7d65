import { useState } from 'react';
import { Field } from '../ui/field.tsx';
import { addDays, notBefore, todayIso } from './dates.ts';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string | undefined;
  error?: string | undefined;
}

function RequiredInput({ type, onChange, ...field }: Props & { type: 'date' | 'time' }) {
  return <Field type={type} required onChange={(e) => onChange(e.target.value)} {...field} />;
}

export const DateField = (props: Props) => <RequiredInput type="date" {...props} />;
export const TimeField = (props: Props) => <RequiredInput type="time" {...props} />;

/** A trip's first and last day: the URL's, or by default two weeks ahead and `length` days long. */
export function useTripDates(fromUrl: { start: string | null; end: string | null }, length: number) {
  const [start, setStart] = useState(() => fromUrl.start ?? addDays(todayIso(), 14));
  const [end, setEnd] = useState(() => fromUrl.end ?? addDays(start, length));
  return { start, setStart, end, setEnd };
}

interface RangeProps {
  labels: readonly [start: string, end: string];
  dates: ReturnType<typeof useTripDates>;
  /** How many days the end must come after the start (0: the same day will do). */
  minDays: number;
  /** False for a one-way flight, which has no return. */
  withEnd?: boolean;
}

/** The start and end dates side by side; moving the start later pushes the end along with it. */
export function DateRangeFields({ labels: [startLabel, endLabel], dates, minDays, withEnd = true }: RangeProps) {
  const { start, setStart, end, setEnd } = dates;
  return (
    <>
      <DateField
        label={startLabel}
        value={start}
        min={todayIso()}
        onChange={(value) => {
          setStart(value);
          setEnd((current) => notBefore(current, addDays(value, minDays)));
        }}
      />
      {withEnd && <DateField label={endLabel} value={end} min={addDays(start, minDays)} onChange={setEnd} />}
    </>
  );
}
