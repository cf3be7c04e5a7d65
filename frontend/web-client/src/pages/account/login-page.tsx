import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isMfaChallenge, publicPost, type MfaChallenge, type SignedInAnswer } from '../../account/account-api.ts';
import { accountMessageOf, fieldError } from '../../account/error-text.ts';
import { safeNext } from '../../account/safe-next.ts';
import { SecondFactorForm } from '../../account/second-factor-form.tsx';
import { session } from '../../session/session.ts';
import { useSession } from '../../session/use-session.ts';
import { Field, FormError } from '../../ui/field.tsx';

/** Sign-in: email and password, then a second step when two-factor authentication is on; back to `?next=`. */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const state = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);

  const finish = async (answer: SignedInAnswer) => {
    await session.signedIn(answer);
    await navigate(next, { replace: true });
  };
  const login = useMutation({
    mutationFn: () => publicPost<SignedInAnswer | MfaChallenge>('/api/auth/login', { email: email.trim(), password }),
    onSuccess: async (answer) => {
      if (isMfaChallenge(answer)) setChallenge(answer);
      else await finish(answer);
    },
  });

  if (state.status === 'signed-in' && !login.isPending && !challenge) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <section className="auth-card card">
      <h1>Sign in to Tripwise</h1>
      {params.get('deleted') === '1' && (
        <p role="status" className="good">
          Your account was deleted and you were signed out everywhere.
        </p>
      )}
      {challenge ? (
        <SecondFactorForm
          challenge={challenge}
          onSignedIn={finish}
          onStartOver={() => {
            setChallenge(null);
            setPassword('');
            login.reset();
          }}
        />
      ) : (
        <form onSubmit={submit}>
          <Field
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError(login.error, 'email')}
          />
          <Field
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError(login.error, 'password')}
          />
          <FormError message={login.error ? accountMessageOf(login.error) : null} />
          <div className="account-actions">
            <button type="submit" disabled={login.isPending}>
              {login.isPending ? 'Signing in…' : 'Sign in'}
            </button>
            <Link to="/forgot-password">Forgot your password?</Link>
          </div>
        </form>
      )}
      <p className="muted">
        New to Tripwise? <Link to="/register">Create an account</Link>
      </p>
    </section>
  );
}
