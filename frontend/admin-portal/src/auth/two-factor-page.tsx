import { useMutation } from '@tanstack/react-query';
import { api, ApiError, session, type SessionUser, type TokenAnswer } from '@tripwise/web-session';
import { useSession } from '@tripwise/web-session/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText, serverFieldError } from '../ui/error-text.ts';
import { Field, FormError } from '../ui/field.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { signOut } from '../ui/sign-out.ts';
import { Loading } from '../ui/states.tsx';
import { safeNext } from './auth-api.ts';
import { SignInAgain } from './refused.tsx';

interface Setup {
  secret: string;
  otpauthUri: string;
  /** The QR code drawn by the server, as a data: image (the CSP allows those). */
  qrCodeDataUrl: string;
}

interface Enabled extends TokenAnswer {
  backupCodes: string[];
}

const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title" ref={heading} tabIndex={-1}>
        Two-factor authentication is on: save your backup codes
      </h2>
      <p>
        If you lose your phone, each of these codes signs you in once instead of the app. Keep them somewhere safe:{' '}
        <strong>they are shown only now.</strong>
      </p>
      <ol className="code-list" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onDone}>
        I saved my codes, continue
      </button>
    </section>
  );
}

function EnrolForm({ setup, onEnabled }: { setup: Setup; onEnabled: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const enable = useMutation({
    mutationFn: () => api<Enabled>('/api/auth/2fa/enable', { method: 'POST', body: { code: code.trim() } }),
    onSuccess: async (answer) => {
      // The codes first: once the session below has its second factor, the page would otherwise move on.
      onEnabled(answer.backupCodes);
      // The password-only session was replaced by one signed in with both factors: adopt it, then the account.
      await session.signedIn(answer);
      const me = await api<SessionUser>('/api/auth/me').catch(() => null);
      if (me) session.updateUser(me);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="enrol-title">
      <h2 id="enrol-title">Set up your authenticator app</h2>
      <ol>
        <li>Open an authenticator app (Google Authenticator, 1Password, Authy, …) and add an account.</li>
        <li>Scan this QR code, or type the key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="qr-block">
        <img
          className="qr"
          src={setup.qrCodeDataUrl}
          alt="QR code to scan with your authenticator app"
          width={220}
          height={220}
        />
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
        error={serverFieldError(enable.error, 'code') ?? (enable.error ? errorText(enable.error) : undefined)}
      />
      <button type="submit" disabled={enable.isPending || code.trim().length !== 6}>
        {enable.isPending ? 'Checking…' : 'Turn on two-factor authentication'}
      </button>
    </form>
  );
}

/**
 * Admins must use two-factor authentication: one who signs in without it is brought here and walked through
 * turning it on; the session that comes out of it is signed in with both factors.
 */
export function TwoFactorPage() {
  usePageTitle('Turn on two-factor authentication');
  const state = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = useMutation({
    mutationFn: () => api<Setup>('/api/auth/2fa/setup', { method: 'POST', body: {} }),
  });
  const alreadyOn = setup.error instanceof ApiError && setup.error.status === 409;

  if (state.status === 'loading') return <Loading label="Restoring your session" rows={2} />;
  if (state.status === 'signed-out') return <Navigate to="/login" replace />;
  if (!codes && state.amr.includes('mfa')) return <Navigate to={next} replace />;
  if (alreadyOn) return <SignInAgain />;

  return (
    <main id="main" className="centered">
      <section className="card">
        <p className="brand">Tripwise Partners</p>
        {codes ? (
          <BackupCodes codes={codes} onDone={() => void navigate(next, { replace: true })} />
        ) : (
          <>
            <h1>Turn on two-factor authentication</h1>
            {!setup.data && (
              <>
                <p>
                  Admin accounts can change users, listings and bills, so Tripwise asks for a second factor: a code from
                  an authenticator app on your phone, on top of your password. It takes a minute.
                </p>
                <FormError message={setup.error && !alreadyOn ? errorText(setup.error) : null} />
                <div className="actions">
                  <button type="button" disabled={setup.isPending} onClick={() => setup.mutate()}>
                    {setup.isPending ? 'Preparing…' : 'Set up two-factor authentication'}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}
                  >
                    Sign out
                  </button>
                </div>
              </>
            )}
            {setup.data && <EnrolForm setup={setup.data} onEnabled={setCodes} />}
          </>
        )}
      </section>
    </main>
  );
}
