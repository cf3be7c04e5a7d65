// Users as the auth service's admin API answers them.

export type Role = 'traveler' | 'owner' | 'admin';
export const ROLES: readonly Role[] = ['traveler', 'owner', 'admin'];

export interface UserSummary {
  id: string;
  email: string;
  emailVerified: boolean;
  role: Role;
  firstName: string | null;
  lastName: string | null;
  city: string | null;
  state: string | null;
  phone: string | null;
  twoFactor: { enabled: boolean; enabledAt: string | null; backupCodesLeft: number; required: boolean };
  createdAt: string;
  updatedAt: string;
  /** In lists: locked by an admin, and the last successful sign-in. */
  disabled?: boolean;
  lastSignInAt?: string | null;
}

export interface AdminSession {
  sessionId: string;
  device: string;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  ip: string | null;
  amr?: string[];
}

export interface UserDetail extends UserSummary {
  address: string | null;
  zip: string | null;
  disabled: boolean;
  disabledAt: string | null;
  sessions: AdminSession[];
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  event: string;
  userId: string | null;
  actorId: string | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  /** Who the event is about and who acted, with their email (null once deleted). */
  user?: { id: string; email: string | null } | null;
  actor?: { id: string; email: string | null } | null;
}

export const nameOf = (user: Pick<UserSummary, 'firstName' | 'lastName' | 'email'>) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;

/** The events the auth service writes, for the audit log's filter (any other name can be typed too). */
export const AUDIT_EVENTS = [
  'login.succeeded',
  'login.failed',
  'login.mfa_required',
  'mfa.challenge_failed',
  'mfa.enabled',
  'mfa.disabled',
  'backup_codes.used',
  'backup_codes.regenerated',
  'session.created',
  'session.refreshed',
  'session.revoked',
  'refresh.reuse_detected',
  'password.changed',
  'password.reset_requested',
  'password.reset_completed',
  'email.verification_sent',
  'email.verified',
  'profile.updated',
  'user.registered',
  'user.register_existing_email',
  'role.changed',
  'admin.user_disabled',
  'admin.user_enabled',
  'admin.user_deleted',
  'admin.bootstrapped',
  'account.deleted',
  'key.rotated',
] as const;
