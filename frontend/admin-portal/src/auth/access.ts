import type { SessionState } from '@tripwise/web-session';

/**
 * What the signed-in person may do in the portal. Owners manage their own listings; admins run the marketplace,
 * but only in a session signed into with their second factor (the API refuses them otherwise): an admin without
 * 2FA is walked through turning it on, one whose session lacks it signs in again.
 */
export type Access =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'traveler' }
  | { kind: 'admin-must-enrol' }
  | { kind: 'admin-must-sign-in-again' }
  | { kind: 'granted'; role: 'owner' | 'admin' };

export function accessOf(state: SessionState): Access {
  if (state.status === 'loading') return { kind: 'loading' };
  if (state.status === 'signed-out') return { kind: 'signed-out' };
  const { role } = state.user;
  if (role === 'owner') return { kind: 'granted', role };
  if (role !== 'admin') return { kind: 'traveler' };
  if (state.amr.includes('mfa')) return { kind: 'granted', role };
  return twoFactorEnabled(state.user) ? { kind: 'admin-must-sign-in-again' } : { kind: 'admin-must-enrol' };
}

function twoFactorEnabled(user: Record<string, unknown>): boolean {
  const twoFactor = user.twoFactor as { enabled?: unknown } | undefined;
  return twoFactor?.enabled === true;
}

export type PortalRole = 'owner' | 'admin';
