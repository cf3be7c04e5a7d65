import { useMutation } from '@tanstack/react-query';
import { ApiError, publicPost } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { errorText } from '../ui/error-text.ts';
import { Field, FormError } from '../ui/field.tsx';
import type { MfaChallenge, SignedInAnswer } from './auth-api.ts';

interface Props {
  challenge: MfaChallenge;
  onSignedIn: (answer: SignedInAnswer) => Promise<void>;
  onStartOver: () => void;
}

const TOTP = /^\d{6}$/;
const BACKUP = /^[A-Z2-7]{10}$/;

/** The second sign-in step: the 6-digit code from the authenticator app, or one of the backup codes. */
export function SecondFactorForm({ challenge, onSignedIn, onStartOver }: Props) {
  const [useBackup, setUseBackup] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const verify = useMutation({
    mutationFn: (value: string) =>
      publicPost<SignedInAnswer>('/api/auth/login/mfa', { challengeId: challenge.challengeId, code: value }),
    onSuccess: onSignedIn,
  });
  // An expired challenge or too many wrong codes: only the password step can start a new one.
  const mustStartOver =
    verify.error instanceof ApiError &&
    (verify.error.type.endsWith('/mfa-challenge-expired') || verify.error.status === 429);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = code.replace(/[\s-]/g, '').toUpperCase();
    const valid = useBackup ? BACKUP.test(normalized) : TOTP.test(normalized);
    setProblem(valid ? undefined : useBackup ? 'A backup code has 10 letters and digits.' : 'Enter the 6 digits.');
    if (valid) verify.mutate(normalized);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="second-step-title">
      <h2 id="second-step-title">Two-step verification</h2>
      <p className="muted">
        {useBackup
          ? 'Enter one of the backup codes you saved when you turned on two-factor authentication. Each works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Tripwise.'}
      </p>
      <Field
        key={useBackup ? 'backup' : 'totp'}
        label={useBackup ? 'Backup code' : 'Authentication code'}
        autoComplete="one-time-code"
        inputMode={useBackup ? 'text' : 'numeric'}
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={problem ?? (verify.error && !mustStartOver ? errorText(verify.error) : undefined)}
      />
      {mustStartOver && <FormError message={errorText(verify.error)} />}
      <div className="actions">
        {mustStartOver ? (
          <button type="button" onClick={onStartOver}>
            Sign in again
          </button>
        ) : (
          <button type="submit" disabled={verify.isPending}>
            {verify.isPending ? 'Checking…' : 'Verify and sign in'}
          </button>
        )}
        <button
          type="button"
          className="link"
          onClick={() => {
            setUseBackup((b) => !b);
            setCode('');
            setProblem(undefined);
          }}
        >
          {useBackup ? 'Use the authenticator app instead' : 'Use a backup code instead'}
        </button>
      </div>
    </form>
  );
}
