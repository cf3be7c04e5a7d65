import { useId, useRef, useState, type ReactNode } from 'react';
import { errorText } from './error-text.ts';

interface Props {
  /** The button that opens the question. */
  label: string;
  /** Its accessible name when the label alone is ambiguous (one per table row). */
  ariaLabel?: string;
  title: string;
  /** What will happen, shown before anything is done. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
  className?: string;
}

/**
 * A destructive or far-reaching action asks first, in a modal <dialog> (focus moves into it, Escape closes it),
 * and shows the server's refusal inside it if there is one.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  children,
  confirmLabel,
  onConfirm,
  danger,
  className,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => dialog.current?.close();
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={className ?? (danger ? 'danger secondary' : 'secondary')}
        aria-label={ariaLabel}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
        {error !== null && (
          <p className="form-error" role="alert">
            {errorText(error)}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className={danger ? 'danger' : undefined}
            disabled={busy}
            onClick={() => void confirm()}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
