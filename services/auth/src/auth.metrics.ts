import { Counter, type Metric } from 'prom-client';
import type { AuditEvent } from './data/audit.repository.ts';

// Sign-in, second-factor and refresh-token outcomes, read from the audit events every flow already records (one
// place, whichever route the event comes from). One set of counters per process, added to the service's registry.

const LOGIN_OUTCOMES = ['success', 'mfa_required', 'bad_credentials', 'backoff', 'disabled'] as const;
const MFA_METHODS = ['totp', 'backup_code'] as const;
const MFA_OUTCOMES = ['success', 'failure', 'locked'] as const;
type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];
type MfaMethod = (typeof MFA_METHODS)[number];

export const logins = new Counter({
  name: 'auth_logins_total',
  help: 'Sign-in attempts by outcome',
  labelNames: ['outcome'] as const,
  registers: [],
});
export const mfaChallenges = new Counter({
  name: 'auth_mfa_challenges_total',
  help: 'Second-factor challenges answered, by method and outcome',
  labelNames: ['method', 'outcome'] as const,
  registers: [],
});
export const refreshReuse = new Counter({
  name: 'auth_refresh_reuse_detected_total',
  help: 'Refresh tokens replayed after rotation (the session is revoked)',
  registers: [],
});

for (const outcome of LOGIN_OUTCOMES) logins.inc({ outcome }, 0);
for (const method of MFA_METHODS) for (const outcome of MFA_OUTCOMES) mfaChallenges.inc({ method, outcome }, 0);
refreshReuse.inc(0);

export const AUTH_METRICS: Metric[] = [logins, mfaChallenges, refreshReuse];

const FAILED_LOGIN: Record<string, LoginOutcome> = {
  unknown_email: 'bad_credentials',
  bad_password: 'bad_credentials',
  disabled: 'disabled',
};

/** Counts what an audit event says happened (called once the event is written). */
export function countAuditEvent(event: AuditEvent): void {
  const details = event.details ?? {};
  switch (event.event) {
    case 'login.succeeded': {
      logins.inc({ outcome: 'success' });
      const amr = Array.isArray(details.amr) ? (details.amr as unknown[]) : [];
      if (amr.includes('mfa')) {
        mfaChallenges.inc({ method: amr.includes('otp') ? 'totp' : 'backup_code', outcome: 'success' });
      }
      return;
    }
    case 'login.mfa_required':
      logins.inc({ outcome: 'mfa_required' });
      return;
    case 'login.failed': {
      const outcome = FAILED_LOGIN[String(details.reason)];
      if (outcome) logins.inc({ outcome });
      return;
    }
    case 'mfa.challenge_failed': {
      const method: MfaMethod = details.method === 'backup_code' ? 'backup_code' : 'totp';
      mfaChallenges.inc({ method, outcome: 'failure' });
      return;
    }
    case 'refresh.reuse_detected':
      refreshReuse.inc();
      return;
  }
}

/** A sign-in refused before the password is checked: the account's back-off is running. */
export function countLoginBackoff(): void {
  logins.inc({ outcome: 'backoff' });
}
