import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/http.ts';
import { FormError } from '../ui/field.tsx';
import type { Account } from './account-api.ts';
import { BackupCodesPanel } from './backup-codes-panel.tsx';
import { accountMessageOf } from './error-text.ts';
import { TwoFactorEnrol } from './two-factor-enrol.tsx';
import { TwoFactorManage } from './two-factor-manage.tsx';
import { useAccountChanged } from './use-account.ts';

/** Two-factor authentication: off (with a way to turn it on), being set up, or on (codes, turn off). */
export function TwoFactorSection({ account }: { account: Account }) {
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);
  const changed = useAccountChanged();
  const setup = useMutation({
    mutationFn: () => api<{ secret: string; otpauthUri: string }>('/api/auth/2fa/setup', { method: 'POST', body: {} }),
  });
  const { twoFactor } = account;

  const body = () => {
    if (shownCodes) return <BackupCodesPanel codes={shownCodes} onDone={() => setShownCodes(null)} />;
    if (twoFactor.enabled) {
      return (
        <TwoFactorManage
          account={account}
          onNewCodes={(codes) => {
            setShownCodes(codes);
            changed();
          }}
        />
      );
    }
    if (setup.data) {
      return (
        <TwoFactorEnrol
          setup={setup.data}
          onEnabled={(codes) => {
            setShownCodes(codes);
            setup.reset();
            changed();
          }}
          onCancel={() => setup.reset()}
        />
      );
    }
    return (
      <>
        <p>
          <span className="badge">Off</span> Protect your account with a code from an authenticator app on your phone,
          asked for after your password.
        </p>
        <FormError message={setup.error ? accountMessageOf(setup.error) : null} />
        <button type="button" disabled={setup.isPending} onClick={() => setup.mutate()}>
          {setup.isPending ? 'Starting…' : 'Set up two-factor authentication'}
        </button>
      </>
    );
  };

  return (
    <section className="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor authentication</h2>
      {body()}
    </section>
  );
}
