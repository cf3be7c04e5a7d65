import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface Described {
  label: string;
  /** Shown under the control and announced; marks it invalid. */
  error?: string | undefined;
  hint?: ReactNode;
}

/** The ids that tie a control to its hint and error (aria-describedby), so screen readers read them with it. */
function useDescribed(id: string | undefined, hint: ReactNode, error: string | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null].filter(Boolean);
  return {
    controlId,
    aria: { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy.join(' ') || undefined },
    notes: (
      <>
        {hint && (
          <small id={`${controlId}-hint`} className="hint">
            {hint}
          </small>
        )}
        {error && (
          <small id={`${controlId}-error`} className="error">
            {error}
          </small>
        )}
      </>
    ),
  };
}

export function Field({ label, error, hint, id, ...input }: Described & InputHTMLAttributes<HTMLInputElement>) {
  const { controlId, aria, notes } = useDescribed(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <input id={controlId} {...aria} {...input} />
      {notes}
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  children,
  ...select
}: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  const { controlId, aria, notes } = useDescribed(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} {...aria} {...select}>
        {children}
      </select>
      {notes}
    </div>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  id,
  ...area
}: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { controlId, aria, notes } = useDescribed(id, hint, error);
  return (
    <div className="field wide">
      <label htmlFor={controlId}>{label}</label>
      <textarea id={controlId} {...aria} {...area} />
      {notes}
    </div>
  );
}

/** A form-level message (what went wrong and what to do). */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
