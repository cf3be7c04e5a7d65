import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.ts';
import { Field, FormError } from '../ui/field.tsx';
import type { Account } from './account-api.ts';
import { fieldError, formLevelMessage } from './error-text.ts';
import { passwordProblem, passwordRulesText } from './password-rules.ts';
import { useAccountChanged } from './use-account.ts';

/** A new password for someone who knows the current one; other devices are signed out unless they opt out. */
export function ChangePasswordForm({ account }: { account: Account }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [signOutOtherSessions, setSignOutOthers] = useState(true);
  const [problem, setProblem] = useState<string>();
  const changed = useAccountChanged();
  const change = useMutation({
    mutationFn: () =>
      api<{ endedSessions: number }>('/api/auth/password/change', {
        method: 'POST',
        body: { currentPassword, newPassword, signOutOtherSessions },
      }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      changed();
    },
  });
  const hasSecondFactor = account.twoFactor.enabled;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = passwordProblem(newPassword, account.email, hasSecondFactor) ?? undefined;
    setProblem(found);
    if (!found) change.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-title" className="card">
      <h2 id="password-title">Password</h2>
      {/* Lets password managers tie the new password to the right account. */}
      <input type="email" autoComplete="username" value={account.email} readOnly hidden />
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={fieldError(change.error, 'currentPassword')}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => {
          setNew(e.target.value);
          setProblem(undefined);
        }}
        hint={passwordRulesText(hasSecondFactor)}
        error={problem ?? fieldError(change.error, 'newPassword')}
      />
      <label className="account-checkbox">
        <input type="checkbox" checked={signOutOtherSessions} onChange={(e) => setSignOutOthers(e.target.checked)} />{' '}
        Sign out my other devices
      </label>
      <FormError message={formLevelMessage(change.error, ['currentPassword', 'newPassword'])} />
      {change.isSuccess && (
        <p role="status" className="good">
          Password changed.
          {change.data.endedSessions > 0 && ` Signed out ${change.data.endedSessions} other device(s).`}
        </p>
      )}
      <button type="submit" disabled={change.isPending || !currentPassword}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
