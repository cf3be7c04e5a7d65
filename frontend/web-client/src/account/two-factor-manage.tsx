import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.ts';
import { Field, FormError } from '../ui/field.tsx';
import { formatInstant } from './format-instant.ts';
import type { Account } from './account-api.ts';
import { fieldError, formLevelMessage } from './error-text.ts';
import { useAccountChanged } from './use-account.ts';

/** With 2FA on: how many backup codes are left, ten new ones for a current code, and turning it off. */
export function TwoFactorManage({ account, onNewCodes }: { account: Account; onNewCodes: (codes: string[]) => void }) {
  const { twoFactor } = account;
  const [regenCode, setRegenCode] = useState('');
  const [password, setPassword] = useState('');
  const [offCode, setOffCode] = useState('');
  const changed = useAccountChanged();
  const regenerate = useMutation({
    mutationFn: () =>
      api<{ backupCodes: string[] }>('/api/auth/2fa/backup-codes', {
        method: 'POST',
        body: { code: regenCode.trim() },
      }),
    onSuccess: (answer) => {
      setRegenCode('');
      onNewCodes(answer.backupCodes);
    },
  });
  const disable = useMutation({
    mutationFn: () =>
      api('/api/auth/2fa/disable', {
        method: 'POST',
        body: { password, code: offCode.trim(), signOutOtherSessions: true },
      }),
    onSuccess: () => changed(),
  });
  const submitRegen = (event: FormEvent) => {
    event.preventDefault();
    regenerate.mutate();
  };
  const submitDisable = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };

  return (
    <div className="stack">
      <p>
        <span className="badge good">On</span>
        {twoFactor.enabledAt && ` since ${formatInstant(twoFactor.enabledAt)}`}. Backup codes left:{' '}
        <strong data-testid="backup-codes-left">{twoFactor.backupCodesLeft}</strong>
        {twoFactor.backupCodesLeft <= 3 && ' — make new ones before you run out.'}
      </p>
      <form onSubmit={submitRegen} aria-labelledby="regen-title">
        <h3 id="regen-title">New backup codes</h3>
        <p className="muted">Your old backup codes stop working.</p>
        <Field
          label="Current code from the app (or a backup code)"
          autoComplete="one-time-code"
          value={regenCode}
          onChange={(e) => setRegenCode(e.target.value)}
          error={fieldError(regenerate.error, 'code')}
        />
        <FormError message={formLevelMessage(regenerate.error, ['code'])} />
        <button type="submit" className="secondary" disabled={regenerate.isPending || !regenCode.trim()}>
          Make new backup codes
        </button>
      </form>
      {twoFactor.required ? (
        <p className="muted">Admin accounts must keep two-factor authentication on.</p>
      ) : (
        <form onSubmit={submitDisable} aria-labelledby="disable-title">
          <h3 id="disable-title">Turn off two-factor authentication</h3>
          <p className="muted">Your other devices will be signed out.</p>
          <div className="row">
            <Field
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError(disable.error, 'password')}
            />
            <Field
              label="Code from the app (or a backup code)"
              autoComplete="one-time-code"
              value={offCode}
              onChange={(e) => setOffCode(e.target.value)}
              error={fieldError(disable.error, 'code')}
            />
          </div>
          <FormError message={formLevelMessage(disable.error, ['password', 'code'])} />
          <button type="submit" className="secondary" disabled={disable.isPending || !password || !offCode.trim()}>
            Turn off
          </button>
        </form>
      )}
    </div>
  );
}
