import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { publicPost } from '../../account/account-api.ts';
import { fieldError, formLevelMessage } from '../../account/error-text.ts';
import { takeFragmentToken } from '../../account/fragment-token.ts';
import { passwordMin, passwordRulesText } from '../../account/password-rules.ts';
import { Field, FormError } from '../../ui/field.tsx';

/** The link from the reset mail: a new password (and a code when two-factor authentication is on). */
export function ResetPasswordPage() {
  const [token] = useState(takeFragmentToken);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [problem, setProblem] = useState<string>();
  const reset = useMutation({
    mutationFn: () =>
      publicPost('/api/auth/password/reset', { token, password, ...(code.trim() ? { code: code.trim() } : {}) }),
    onError: (error) => {
      if (fieldError(error, 'code')) setAskCode(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The server knows whether 2FA allows 8; 8 is the least it could accept.
    const tooShort = [...password].length < passwordMin(true);
    setProblem(tooShort ? `Use at least ${passwordMin(askCode)} characters.` : undefined);
    if (!tooShort) reset.mutate();
  };

  if (!token) {
    return (
      <section className="auth-card card">
        <h1>Choose a new password</h1>
        <p>
          This page needs the link from the password reset email. <Link to="/forgot-password">Ask for a link</Link>.
        </p>
      </section>
    );
  }
  if (reset.isSuccess) {
    return (
      <section className="auth-card card">
        <h1>Your password was changed</h1>
        <p role="status">For your safety we signed you out everywhere. Sign in with the new password.</p>
        <Link to="/login" className="button">
          Sign in
        </Link>
      </section>
    );
  }
  const linkDead = reset.error && !fieldError(reset.error, 'password') && !fieldError(reset.error, 'code') && !askCode;
  return (
    <section className="auth-card card">
      <h1>Choose a new password</h1>
      <form onSubmit={submit} noValidate>
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={`${passwordRulesText(false)} With two-factor authentication on, 8 characters are enough.`}
          error={problem ?? fieldError(reset.error, 'password')}
        />
        {askCode && (
          <Field
            label="Code from your authenticator app, or a backup code"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            hint="Two-factor authentication is on for this account."
            error={fieldError(reset.error, 'code')}
          />
        )}
        <FormError message={formLevelMessage(reset.error, ['password', 'code'])} />
        {linkDead && (
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        )}
        <button type="submit" disabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Save the new password'}
        </button>
      </form>
    </section>
  );
}
