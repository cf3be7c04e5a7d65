import { useId, useState } from 'react';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import type { DecisionAction } from './listing-api.ts';
import type { ListingStatus } from './listing-types.ts';

interface Props {
  status: ListingStatus;
  /** The listing's name, so each row's buttons say which listing they act on. */
  name: string;
  /** A change of the live listing waits for review: approve or reject the change. */
  hasChange?: boolean;
  onDecide: (action: DecisionAction, note: string | undefined, verb: string) => Promise<unknown>;
}

/** The note to the owner, required to reject or suspend (the API answers 400 naming `note` without it). */
function NoteField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>Note to the owner (required)</label>
      <textarea id={id} maxLength={1000} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </p>
  );
}

/**
 * An admin's decisions on a listing: approve or reject a new one (or a change of a live one), suspend a live or
 * paused one (hidden from search at once), reinstate a suspended one. Rejecting and suspending ask first, with a
 * note the owner reads on the listing's page.
 */
export function StatusActions({ status, name, hasChange, onDecide }: Props) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const noteOrNothing = () => (note.trim() === '' ? undefined : note.trim());
  const run = (action: DecisionAction, verb: string) => {
    setBusy(true);
    void onDecide(action, undefined, verb)
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  if (status === 'pending' || hasChange) {
    const what = status === 'pending' ? '' : ' change';
    return (
      <div className="actions">
        <button
          type="button"
          className="small"
          disabled={busy}
          aria-label={`Approve${what} ${name}`}
          onClick={() => run('approve', status === 'pending' ? 'Approved' : 'Change approved')}
        >
          Approve{what}
        </button>
        <ConfirmButton
          label={`Reject${what}`}
          ariaLabel={`Reject${what} ${name}`}
          className="danger secondary small"
          title={`Reject${what} ${name}?`}
          confirmLabel="Reject"
          danger
          onConfirm={() => onDecide('reject', noteOrNothing(), status === 'pending' ? 'Rejected' : 'Change rejected')}
        >
          <p>
            {status === 'pending'
              ? 'It will not go live. Its owner reads your note and can submit a corrected listing.'
              : 'What is live stays as it is. Its owner reads your note.'}
          </p>
          <NoteField value={note} onChange={setNote} />
        </ConfirmButton>
      </div>
    );
  }
  if (status === 'active' || status === 'paused') {
    return (
      <ConfirmButton
        label="Suspend"
        ariaLabel={`Suspend ${name}`}
        className="danger secondary small"
        title={`Suspend ${name}?`}
        confirmLabel="Suspend"
        danger
        onConfirm={() => onDecide('suspend', noteOrNothing(), 'Suspended')}
      >
        <p>
          Travelers stop finding it in search at once. Bookings already made stay valid. You can reinstate it later.
        </p>
        <NoteField value={note} onChange={setNote} />
      </ConfirmButton>
    );
  }
  if (status === 'suspended') {
    return (
      <button
        type="button"
        className="secondary small"
        disabled={busy}
        aria-label={`Reinstate ${name}`}
        onClick={() => run('reinstate', 'Reinstated')}
      >
        Reinstate
      </button>
    );
  }
  return null;
}
