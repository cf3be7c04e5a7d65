import { useId, type FormEvent } from 'react';
import { messageOf } from '../api/api-error.ts';

/**
 * "Alert me below $N": the amount field, its button and its error, shared by the price alerts on search results and
 * the AI bundles' "Watch this price". The caller owns the amount, the request and what to say once it is set.
 */
export function DollarThresholdForm(props: {
  className: string;
  ariaLabel?: string;
  label: string;
  dollars: string;
  onDollars: (dollars: string) => void;
  onSubmit: (event: FormEvent) => void;
  pending: boolean;
  idleText: string;
  pendingText: string;
  error: Error | null;
  /** The server's message for the amount field, when it named it. */
  fieldError: string | undefined;
}) {
  const inputId = useId();
  const { error } = props;
  return (
    <form className={props.className} onSubmit={props.onSubmit} noValidate aria-label={props.ariaLabel}>
      <label htmlFor={inputId}>{props.label}</label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={props.dollars}
        onChange={(e) => props.onDollars(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      <button type="submit" className="secondary" disabled={props.pending}>
        {props.pending ? props.pendingText : props.idleText}
      </button>
      {error && (
        <small id={`${inputId}-error`} className="error" role="alert">
          {props.fieldError ?? messageOf(error)}
        </small>
      )}
    </form>
  );
}
