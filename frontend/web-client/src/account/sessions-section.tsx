import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { session } from '../session/session.ts';
import { FormError } from '../ui/field.tsx';
import { plural } from '../ui/format.ts';
import { SESSIONS_QUERY_KEY, type SessionItem } from './account-api.ts';
import { accountMessageOf } from './error-text.ts';
import { formatInstant } from './format-instant.ts';

/** Where the account is signed in; this device is marked, any other can be signed out from here. */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_QUERY_KEY,
    queryFn: ({ signal }) => api<{ items: SessionItem[] }>('/api/auth/sessions', { signal }),
  });
  const refetch = () => void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
  const endOne = useMutation({
    mutationFn: (id: string) => api(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: refetch,
  });
  const endOthers = useMutation({
    mutationFn: () => api<{ endedSessions: number }>('/api/auth/sessions/revoke-others', { method: 'POST', body: {} }),
    onSettled: refetch,
  });
  const signOutHere = useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST', body: {} }),
    // Home, as the header's sign-out goes; a full page load, so the sign-in guard does not send the user to sign in.
    onSettled: () => {
      session.signedOut();
      window.location.assign('/');
    },
  });
  const items = [...(sessions.data?.items ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt - a.lastUsedAt,
  );
  const others = items.filter((s) => !s.current).length;
  const error = sessions.error ?? endOne.error ?? endOthers.error;

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you're signed in</h2>
      {sessions.isPending && <div className="skeleton" aria-hidden="true" />}
      <FormError message={error ? accountMessageOf(error) : null} />
      <ul className="session-list">
        {items.map((s) => (
          <li key={s.sessionId} className="session" data-testid="session">
            <div>
              <strong>{s.device}</strong> {s.current && <span className="badge">This device</span>}
              <div className="muted">
                {s.ip ? `${s.ip} · ` : ''}signed in {formatInstant(s.createdAt)} · last active{' '}
                {formatInstant(s.lastUsedAt)}
              </div>
            </div>
            {s.current ? (
              <button
                type="button"
                className="secondary"
                disabled={signOutHere.isPending}
                onClick={() => signOutHere.mutate()}
              >
                Sign out this device
              </button>
            ) : (
              <button
                type="button"
                className="secondary"
                disabled={endOne.isPending}
                aria-label={`Sign out ${s.device}, last active ${formatInstant(s.lastUsedAt)}`}
                onClick={() => endOne.mutate(s.sessionId)}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <button type="button" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
          Sign out all other devices ({plural(others, 'device')})
        </button>
      )}
      {endOthers.isSuccess && (
        <p role="status" className="good">
          Signed out {plural(endOthers.data.endedSessions, 'other device')}.
        </p>
      )}
    </section>
  );
}
