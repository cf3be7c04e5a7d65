import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.ts';
import { session } from '../session/session.ts';
import { Field, FormError } from '../ui/field.tsx';
import type { Account } from './account-api.ts';
import { fieldError, formLevelMessage } from './error-text.ts';

/** Deleting asks for the password (and a code with 2FA on) and an explicit confirmation; then the user is signed out. */
export function DeleteAccountSection({ account }: { account: Account }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      api('/api/auth/me', {
        method: 'DELETE',
        body: { password, ...(account.twoFactor.enabled ? { code: code.trim() } : {}) },
      }),
    // A full page load: it drops every cached answer of the deleted account, and it wins over the sign-in guard,
    // which would otherwise redirect to /login?next=/account the moment the session ends.
    onSuccess: () => {
      session.signedOut();
      window.location.replace('/login?deleted=1');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate();
  };

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      {!open ? (
        <>
          <p>Your profile, saved preferences and sign-ins are removed for good.</p>
          <button type="button" className="secondary danger" onClick={() => setOpen(true)}>
            Delete my account…
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>
            This deletes <strong>{account.email}</strong> and signs you out everywhere. It cannot be undone.
          </p>
          <Field
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError(remove.error, 'password')}
          />
          {account.twoFactor.enabled && (
            <Field
              label="Code from the app (or a backup code)"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={fieldError(remove.error, 'code')}
            />
          )}
          <label className="account-checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I understand
            that my account is deleted for good
          </label>
          <FormError message={formLevelMessage(remove.error, ['password', 'code'])} />
          <div className="account-actions">
            <button type="submit" className="danger" disabled={!confirmed || !password || remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
