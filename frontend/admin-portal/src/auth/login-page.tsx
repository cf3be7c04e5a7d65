import { useMutation } from '@tanstack/react-query';
import { publicPost, session } from '@tripwise/web-session';
import { useSession } from '@tripwise/web-session/react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText, serverFieldError } from '../ui/error-text.ts';
import { Field, FormError } from '../ui/field.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { isMfaChallenge, safeNext, type MfaChallenge, type SignedInAnswer } from './auth-api.ts';
import { SecondFactorForm } from './second-factor-form.tsx';

/**
 * Sign-in on the portal itself: email and password, then the authenticator code (or a backup code) when 2FA is on.
 * What the account may do here is decided after, by the page it lands on (travelers are refused there).
 */
export function LoginPage() {
  usePageTitle('Sign in');
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
    <main id="main" className="centered">
      <section className="card" aria-labelledby="sign-in-title">
        <p className="brand">Tripwise Partners</p>
        <h1 id="sign-in-title">Sign in for hosts and admins</h1>
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
              error={serverFieldError(login.error, 'email')}
            />
            <Field
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={serverFieldError(login.error, 'password')}
            />
            <FormError message={login.error ? errorText(login.error) : null} />
            <div className="actions">
              <button type="submit" disabled={login.isPending}>
                {login.isPending ? 'Signing in…' : 'Sign in'}
              </button>
              <a href="/forgot-password">Forgot your password?</a>
            </div>
          </form>
        )}
        <p className="muted">
          Travelers book on <a href="/">Tripwise</a>. Hosts without an account can <a href="/register">sign up</a> as an
          owner.
        </p>
      </section>
    </main>
  );
}
