import { api, session } from '@tripwise/web-session';

/** Ends this browser's session on the server (the refresh cookie's), then here and in every tab. */
export async function signOut(): Promise<void> {
  await api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
  session.signedOut();
}
