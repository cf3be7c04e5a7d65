import { useState } from 'react';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import type { ListingStatus } from './listing-types.ts';

interface Props {
  status: ListingStatus;
  /** The listing's name, so each row's buttons say which listing they act on. */
  name: string;
  onChange: (next: ListingStatus, verb: string) => Promise<unknown>;
}

/**
 * An admin's decisions on a listing: approve or reject one waiting for review, take a live one down (hidden from
 * search at once), reinstate one taken down. Taking down asks first.
 */
export function StatusActions({ status, name, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const run = (next: ListingStatus, verb: string) => {
    setBusy(true);
    void onChange(next, verb)
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  if (status === 'pending') {
    return (
      <div className="actions">
        <button
          type="button"
          className="small"
          disabled={busy}
          aria-label={`Approve ${name}`}
          onClick={() => run('active', 'Approved')}
        >
          Approve
        </button>
        <ConfirmButton
          label="Reject"
          ariaLabel={`Reject ${name}`}
          className="danger secondary small"
          title={`Reject ${name}?`}
          confirmLabel="Reject listing"
          danger
          onConfirm={() => onChange('removed', 'Rejected')}
        >
          <p>It will not go live. Its owner sees it as taken down and can submit a corrected listing.</p>
          <p className="muted">A note to the owner needs the review API (not available yet).</p>
        </ConfirmButton>
      </div>
    );
  }
  if (status === 'active') {
    return (
      <ConfirmButton
        label="Take down"
        ariaLabel={`Take down ${name}`}
        className="danger secondary small"
        title={`Take down ${name}?`}
        confirmLabel="Take down"
        danger
        onConfirm={() => onChange('removed', 'Taken down')}
      >
        <p>
          Travelers stop finding it in search at once. Bookings already made stay valid. You can reinstate it later.
        </p>
      </ConfirmButton>
    );
  }
  return (
    <button
      type="button"
      className="secondary small"
      disabled={busy}
      aria-label={`Reinstate ${name}`}
      onClick={() => run('active', 'Reinstated')}
    >
      Reinstate
    </button>
  );
}
