import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { publicPost } from '../../account/account-api.ts';
import { accountMessageOf, fieldError } from '../../account/error-text.ts';
import { Field, FormError } from '../../ui/field.tsx';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const forgot = useMutation({
    mutationFn: () => publicPost('/api/auth/password/forgot', { email: email.trim() }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    forgot.mutate();
  };

  if (forgot.isSuccess) {
    return (
      <section className="auth-card card">
        <h1>Check your inbox</h1>
        <p role="status">
          If an account uses <strong>{email.trim()}</strong>, we sent it a link to choose a new password. The link works
          once, for 30 minutes.
        </p>
        <p className="muted">
          No email after a few minutes? Check the spelling and your spam folder, then{' '}
          <button type="button" className="link" onClick={() => forgot.reset()}>
            try again
          </button>
          .
        </p>
        <Link to="/login">Back to sign in</Link>
      </section>
    );
  }

  return (
    <section className="auth-card card">
      <h1>Forgot your password?</h1>
      <p>Enter the email you sign in with and we will send you a link to choose a new password.</p>
      <form onSubmit={submit}>
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(forgot.error, 'email')}
        />
        <FormError
          message={forgot.error && !fieldError(forgot.error, 'email') ? accountMessageOf(forgot.error) : null}
        />
        <button type="submit" disabled={forgot.isPending}>
          {forgot.isPending ? 'Sending…' : 'Send the link'}
        </button>
      </form>
      <p className="muted">
        Remembered it? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
