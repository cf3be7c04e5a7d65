import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@tripwise/web-session';
import { useSession } from '@tripwise/web-session/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { SelectField } from '../ui/field.tsx';
import { formatInstant } from '../ui/format.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { UserActivity, UserBills } from './user-activity.tsx';
import { useFootprint, UserBookings } from './user-footprint.tsx';
import { nameOf, ROLES, type Role, type UserDetail } from './user-types.ts';

function Profile({ user }: { user: UserDetail }) {
  return (
    <dl className="facts card">
      <dt>Email</dt>
      <dd>
        {user.email} {user.emailVerified ? '(confirmed)' : <span className="badge pending">not confirmed</span>}
      </dd>
      <dt>Role</dt>
      <dd data-testid="user-role">{user.role}</dd>
      <dt>Account</dt>
      <dd>
        {user.disabled ? (
          <span className="badge disabled">locked since {user.disabledAt ? formatInstant(user.disabledAt) : '?'}</span>
        ) : (
          'active'
        )}
      </dd>
      <dt>Two-factor</dt>
      <dd>
        {user.twoFactor.enabled
          ? `on since ${user.twoFactor.enabledAt ? formatInstant(user.twoFactor.enabledAt) : '?'}, ${user.twoFactor.backupCodesLeft} backup codes left`
          : 'off'}
      </dd>
      <dt>Phone</dt>
      <dd>{user.phone ?? '—'}</dd>
      <dt>Address</dt>
      <dd>{[user.address, user.city, user.state, user.zip].filter(Boolean).join(', ') || '—'}</dd>
      <dt>Joined</dt>
      <dd>{formatInstant(user.createdAt)}</dd>
      <dt>User id</dt>
      <dd>
        <code>{user.id}</code>
      </dd>
    </dl>
  );
}

function Sessions({ user }: { user: UserDetail }) {
  if (user.sessions.length === 0) return <p className="muted">Not signed in anywhere.</p>;
  return (
    <TableFrame label="Sessions">
      <table>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">From</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last used</th>
            <th scope="col">With</th>
          </tr>
        </thead>
        <tbody>
          {user.sessions.map((s) => (
            <tr key={s.sessionId}>
              <th scope="row">{s.device}</th>
              <td>{s.ip ?? '—'}</td>
              <td>{formatInstant(s.createdAt)}</td>
              <td>{formatInstant(s.lastUsedAt)}</td>
              <td>{s.amr?.includes('mfa') ? 'password and 2FA' : 'password'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

/**
 * One user: profile, sessions, bills and audit trail; an admin changes the role, locks or unlocks the account
 * (either ends every session at once) or deletes it, each after seeing what it does.
 */
export function UserPage() {
  const { id = '' } = useParams();
  const state = useSession();
  const me = state.status === 'signed-in' ? state.user.id : '';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role | ''>('');
  const [notice, setNotice] = useState<string | null>(null);
  const user = useQuery({
    queryKey: ['admin-user', id],
    queryFn: ({ signal }) => api<UserDetail>(`/api/auth/admin/users/${id}`, { signal }),
  });
  usePageTitle(user.data ? nameOf(user.data) : 'User');
  const footprint = useFootprint(id, user.data?.role ?? '');

  if (user.isPending) return <Loading label="Loading the user" />;
  if (user.isError) {
    if (user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400)) {
      return (
        <section className="empty-state" role="alert">
          <h1>User not found</h1>
          <p>
            No account has this id; it may have been deleted. <Link to="/users">Back to users</Link>
          </p>
        </section>
      );
    }
    return <ErrorState error={user.error} retry={() => void user.refetch()} what="The user" />;
  }
  const data = user.data;
  const self = data.id === me;
  const patch = async (body: { role?: Role; disabled?: boolean }, done: string) => {
    const updated = await api<UserDetail>(`/api/auth/admin/users/${id}`, { method: 'PATCH', body });
    queryClient.setQueryData(['admin-user', id], updated);
    void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    void queryClient.invalidateQueries({ queryKey: ['admin-audit'] });
    setNotice(done);
  };
  const remove = async () => {
    await api(`/api/auth/admin/users/${id}`, { method: 'DELETE' });
    void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    await navigate('/users', { replace: true });
  };
  const newRole = role || data.role;

  return (
    <>
      <p>
        <Link to="/users">← Users</Link>
      </p>
      <h1>{nameOf(data)}</h1>
      {notice && (
        <p role="status" className="good">
          {notice}
        </p>
      )}
      <Profile user={data} />
      <section className="card" aria-labelledby="access-title">
        <h2 id="access-title">Access</h2>
        {self ? (
          <p className="muted">This is your own account: another admin changes your role or locks it.</p>
        ) : (
          <>
            <div className="actions">
              <SelectField label="Role" value={newRole} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </SelectField>
              <ConfirmButton
                label="Change role"
                title={`Make ${nameOf(data)} ${newRole === 'traveler' ? 'a traveler' : `an ${newRole}`}?`}
                confirmLabel="Change role"
                onConfirm={() => patch({ role: newRole }, `Role changed to ${newRole}; their sessions ended.`)}
              >
                <ul>
                  <li>Every session of theirs ends at once: they sign in again with the new role.</li>
                  {newRole === 'admin' && <li>As an admin they must turn on two-factor authentication first.</li>}
                  {data.role === 'owner' && newRole !== 'owner' && newRole !== 'admin' && (
                    <li>Their listings stay in search, but they can no longer manage them here.</li>
                  )}
                  <li>The change is written to the audit log with your name.</li>
                </ul>
                {newRole === data.role && <p className="bad">They already have this role: nothing will change.</p>}
              </ConfirmButton>
            </div>
            <div className="actions">
              {data.disabled ? (
                <ConfirmButton
                  label="Unlock account"
                  title={`Unlock ${nameOf(data)}?`}
                  confirmLabel="Unlock"
                  onConfirm={() => patch({ disabled: false }, 'Unlocked: they can sign in again.')}
                >
                  <p>They can sign in again with their password (and 2FA if on).</p>
                </ConfirmButton>
              ) : (
                <ConfirmButton
                  label="Lock account"
                  title={`Lock ${nameOf(data)}?`}
                  confirmLabel="Lock account"
                  danger
                  onConfirm={() => patch({ disabled: true }, 'Locked: they were signed out everywhere.')}
                >
                  <ul>
                    <li>
                      They are signed out everywhere at once ({data.sessions.length} active session
                      {data.sessions.length === 1 ? '' : 's'}).
                    </li>
                    <li>They cannot sign in until an admin unlocks the account.</li>
                    <li>Their bookings and listings are kept as they are.</li>
                  </ul>
                </ConfirmButton>
              )}
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <Sessions user={data} />
        {data.sessions.length > 0 && (
          <ConfirmButton
            label="Sign out everywhere"
            title={`Sign ${nameOf(data)} out everywhere?`}
            confirmLabel="Sign out everywhere"
            onConfirm={async () => {
              const { endedSessions } = await api<{ endedSessions: number }>(
                `/api/auth/admin/users/${id}/sessions/revoke`,
                { method: 'POST', body: {} },
              );
              await user.refetch();
              void queryClient.invalidateQueries({ queryKey: ['admin-audit'] });
              setNotice(`Signed out of ${endedSessions} session${endedSessions === 1 ? '' : 's'}.`);
            }}
          >
            <p>Every session of theirs ends at once. The account stays open: they can sign in again.</p>
          </ConfirmButton>
        )}
      </section>
      <section aria-labelledby="bills-title">
        <h2 id="bills-title">Bills, last 12 months</h2>
        <UserBills userId={data.id} />
      </section>
      <section aria-labelledby="bookings-title">
        <h2 id="bookings-title">Their bookings</h2>
        <UserBookings footprint={footprint} />
      </section>
      <section aria-labelledby="activity-title">
        <h2 id="activity-title">Audit events</h2>
        <UserActivity userId={data.id} />
      </section>
      {!self && (
        <section className="card" aria-labelledby="delete-title">
          <h2 id="delete-title">Delete the account</h2>
          <ConfirmButton
            label="Delete user"
            title={`Delete ${nameOf(data)}?`}
            confirmLabel="Delete user for good"
            danger
            onConfirm={remove}
          >
            <p>This cannot be undone. They have {footprint.text}.</p>
            <ul>
              <li>
                Their {data.sessions.length} session{data.sessions.length === 1 ? '' : 's'} end at once and the account,
                profile and two-factor settings are erased.
              </li>
              <li>Bookings, payments and bills stay in the books under their user id.</li>
              {data.role === 'owner' && (
                <li>
                  Their live listings are suspended (out of search) and those waiting for review rejected, with the note
                  “owner account deleted”; an admin can reinstate them.
                </li>
              )}
              <li>The deletion is written to the audit log with your name.</li>
            </ul>
          </ConfirmButton>
        </section>
      )}
    </>
  );
}
