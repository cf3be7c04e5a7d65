import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field, SelectField } from '../ui/field.tsx';
import { formatInstant } from '../ui/format.ts';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { nameOf, ROLES, type UserSummary } from './user-types.ts';

/** Users by email or name and role, newest first, a server page at a time; the search is in the address. */
export function UsersPage() {
  usePageTitle('Users');
  const list = useListParams(['q', 'role'] as const);
  const role = ROLES.find((r) => r === list.filters.role);
  const q = list.filters.q.trim();
  const [text, setText] = useState(q);
  const users = useQuery({
    queryKey: ['admin-users', { q, role, cursor: list.cursor, limit: list.limit }],
    queryFn: ({ signal }) =>
      api<{ items: UserSummary[]; nextCursor: string | null }>('/api/auth/admin/users', {
        query: { q: q || undefined, role, cursor: list.cursor, limit: list.limit },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    list.setFilters({ q: text.trim() });
  };

  return (
    <>
      <h1>Users</h1>
      <form className="toolbar" role="search" aria-label="Users" onSubmit={search}>
        <Field label="Email or name" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField label="Role" value={role ?? ''} onChange={(e) => list.setFilters({ role: e.target.value })}>
          <option value="">Any role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit">Search</button>
        </div>
        <p className="muted">Newest first.</p>
      </form>
      {users.isPending ? (
        <Loading label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} retry={() => void users.refetch()} what="The users" />
      ) : users.data.items.length === 0 ? (
        <EmptyState title="No users match">
          <p className="muted">Try part of the email address, or another role.</p>
        </EmptyState>
      ) : (
        <>
          <TableFrame label="Users table">
            <table aria-busy={users.isFetching}>
              <caption className="visually-hidden">Users, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Two-factor</th>
                  <th scope="col">Joined</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">
                      <Link to={`/users/${user.id}`}>{nameOf(user)}</Link>
                    </th>
                    <td>
                      {user.email}
                      {!user.emailVerified && <span className="badge pending"> unverified</span>}
                    </td>
                    <td>{user.role}</td>
                    <td>{user.twoFactor.enabled ? 'on' : 'off'}</td>
                    <td>{formatInstant(user.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Pager shown={users.data.items.length} nextCursor={users.data.nextCursor} list={list} noun="user" />
        </>
      )}
    </>
  );
}
