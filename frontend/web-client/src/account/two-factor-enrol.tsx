import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.ts';
import { session } from '../session/session.ts';
import { Field, FormError } from '../ui/field.tsx';
import { accountMessageOf, fieldError } from './error-text.ts';

interface Setup {
  secret: string;
  otpauthUri: string;
}

interface Enabled {
  backupCodes: string[];
  endedSessions: number;
  accessToken: string;
  expiresIn: number;
  sessionId: string;
}

/** The otpauth URI as a QR code image; data: images are allowed by the CSP, and the encoder loads only here. */
async function qrImageOf(uri: string): Promise<string> {
  const { toDataURL } = await import('qrcode');
  return toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
}

const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Enrolment: scan (or type) the secret, confirm one code; the answer is a session upgraded to two factors. */
export function TwoFactorEnrol({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: Setup;
  onEnabled: (backupCodes: string[]) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [signOutOtherSessions, setSignOutOthers] = useState(false);
  const qr = useQuery({
    queryKey: ['totp-qr', setup.otpauthUri],
    queryFn: () => qrImageOf(setup.otpauthUri),
    staleTime: Infinity,
  });
  const enable = useMutation({
    mutationFn: () =>
      api<Enabled>('/api/auth/2fa/enable', { method: 'POST', body: { code: code.trim(), signOutOtherSessions } }),
    onSuccess: async (answer) => {
      // The password-only session was replaced: adopt the new one before anything else calls the API.
      await session.signedIn(answer);
      onEnabled(answer.backupCodes);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="enrol-title">
      <h3 id="enrol-title">Set up your authenticator app</h3>
      <ol className="steps">
        <li>Open an authenticator app (Google Authenticator, 1Password, Authy, …) and add an account.</li>
        <li>Scan this QR code, or type the key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="qr-block">
        {qr.data ? (
          <img
            className="qr"
            src={qr.data}
            alt="QR code to scan with your authenticator app"
            width={220}
            height={220}
          />
        ) : (
          <div className="qr skeleton" aria-hidden="true" />
        )}
        <div>
          <p className="muted">Can't scan? Enter this key (time-based):</p>
          <p>
            <code className="secret" data-testid="totp-secret">
              {grouped(setup.secret)}
            </code>
          </p>
        </div>
      </div>
      <Field
        label="6-digit code from the app"
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={fieldError(enable.error, 'code') ?? (enable.error ? accountMessageOf(enable.error) : undefined)}
      />
      <label className="account-checkbox">
        <input type="checkbox" checked={signOutOtherSessions} onChange={(e) => setSignOutOthers(e.target.checked)} />{' '}
        Also sign out my other devices
      </label>
      <FormError message={qr.isError ? 'The QR code could not be drawn: type the key into the app instead.' : null} />
      <div className="account-actions">
        <button type="submit" disabled={enable.isPending || code.trim().length !== 6}>
          {enable.isPending ? 'Checking…' : 'Turn on two-factor authentication'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
