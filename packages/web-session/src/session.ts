// The signed-in state of this tab. The access token lives in memory only; the refresh token is an httpOnly cookie
// the page never sees. Refreshes are serialised across every tab of the site with a Web Lock, so two tabs (or two
// parallel requests) never present the same refresh token twice, which the server would treat as theft. The web
// client and the admin portal share this origin, this cookie, this lock and this channel: they are one session.

export interface SessionUser {
  id: string;
  email: string;
  role: 'traveler' | 'owner' | 'admin';
  firstName?: string | null;
  lastName?: string | null;
  emailVerified?: boolean;
  [attribute: string]: unknown;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | {
      status: 'signed-in';
      user: SessionUser;
      sessionId: string;
      /** How this session was signed into (`pwd`, `otp`, `mfa`…), read from the token: admin powers need `mfa`. */
      amr: string[];
    };

export interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
  sessionId: string;
  user?: SessionUser;
}

type ChannelMessage = { type: 'token'; answer: TokenAnswer } | { type: 'signed-out' };

/** Renew this long before expiry, so a request in flight never carries an expired token. */
const RENEW_BEFORE_MS = 60_000;
const LOCK_NAME = 'tripwise:refresh';

let state: SessionState = { status: 'loading' };
let accessToken: string | null = null;
let tokenAmr: string[] = [];
let expiresAt = 0;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();
const tokenListeners = new Set<(token: string) => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('tripwise-session');

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/**
 * The token's `amr` claim, read without verifying (the server verifies every request; the page only uses it to show
 * the right screen).
 */
function amrOf(token: string): string[] {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { amr?: unknown };
    return Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}

function adoptToken(answer: TokenAnswer): void {
  accessToken = answer.accessToken;
  tokenAmr = amrOf(answer.accessToken);
  expiresAt = Date.now() + answer.expiresIn * 1000;
  clearTimeout(renewTimer);
  renewTimer = setTimeout(() => void refresh(), Math.max(1_000, expiresAt - Date.now() - RENEW_BEFORE_MS));
  for (const listener of tokenListeners) listener(answer.accessToken);
}

function clear(): void {
  accessToken = null;
  tokenAmr = [];
  expiresAt = 0;
  clearTimeout(renewTimer);
  setState({ status: 'signed-out' });
}

async function fetchUser(token: string): Promise<SessionUser | null> {
  const res = await fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
  return res.ok ? ((await res.json()) as SessionUser) : null;
}

async function establish(answer: TokenAnswer): Promise<void> {
  adoptToken(answer);
  const user = answer.user ?? (state.status === 'signed-in' ? state.user : await fetchUser(answer.accessToken));
  if (!user) {
    clear();
    return;
  }
  setState({ status: 'signed-in', user, sessionId: answer.sessionId, amr: tokenAmr });
}

const fresh = () => accessToken !== null && expiresAt - Date.now() > RENEW_BEFORE_MS;

async function refreshNow(): Promise<boolean> {
  const run = async (): Promise<boolean> => {
    // Another tab may have renewed while this one waited for the lock; its token came over the channel.
    if (fresh()) return true;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    }).catch(() => null);
    if (!res) return accessToken !== null; // offline: keep what we have and try again later
    if (!res.ok) {
      clear();
      channel?.postMessage({ type: 'signed-out' } satisfies ChannelMessage);
      return false;
    }
    const answer = (await res.json()) as TokenAnswer;
    await establish(answer);
    channel?.postMessage({ type: 'token', answer } satisfies ChannelMessage);
    return true;
  };
  return 'locks' in navigator ? navigator.locks.request(LOCK_NAME, run) : run();
}

/** One refresh at a time in this tab; callers during one share its outcome. */
export function refresh(): Promise<boolean> {
  inFlight ??= refreshNow().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Auth's readable cookie saying this browser has a session (see services/auth http-context.ts). */
const hasSessionHint = () =>
  typeof document === 'undefined' || document.cookie.split(';').some((c) => c.trim().startsWith('tw_session='));

channel?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
  if (event.data.type === 'token') void establish(event.data.answer);
  else clear();
});

export const session = {
  get state(): SessionState {
    return state;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Called with each renewed token (the realtime socket re-authenticates with it). */
  onToken(listener: (token: string) => void): () => void {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
  /** A token good for at least another minute, renewing it first if needed; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (fresh()) return accessToken;
    if (state.status === 'signed-out') return null;
    return (await refresh()) ? accessToken : null;
  },
  /** After a password (and maybe TOTP) sign-in: the answer carries the token and the user. */
  async signedIn(answer: TokenAnswer): Promise<void> {
    await establish(answer);
    channel?.postMessage({ type: 'token', answer } satisfies ChannelMessage);
  },
  /** The user's attributes changed (profile saved). */
  updateUser(user: SessionUser): void {
    if (state.status === 'signed-in') setState({ ...state, user });
  },
  /** Signed out here or everywhere: forget the token and tell the other tabs. */
  signedOut(): void {
    clear();
    channel?.postMessage({ type: 'signed-out' } satisfies ChannelMessage);
  },
  /**
   * On page load: the refresh cookie, if any, brings the session back. Without auth's readable `tw_session` hint
   * there is no session to restore, so nothing is asked (a stranger's visit sends no refresh bound to fail).
   */
  restore(): Promise<boolean> {
    if (!hasSessionHint()) {
      clear();
      return Promise.resolve(false);
    }
    return refresh();
  },
};
