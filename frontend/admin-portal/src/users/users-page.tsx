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

const STATUSES = [
  ['active', 'Active'],
  ['locked', 'Locked'],
  ['unverified', 'Email not confirmed'],
] as const;
const SORTS = [
  ['createdAt', 'Newest first'],
  ['email', 'Email, A to Z'],
  ['lastSignInAt', 'Last signed in'],
] as const;

/**
 * Users by email or name, role, status and two-factor, in the chosen order, a server page at a time, with the total;
 * the search is in the address.
 */
export function UsersPage() {
  usePageTitle('Users');
  const list = useListParams(['q', 'role', 'status', 'twoFactor', 'sort'] as const);
  const role = ROLES.find((r) => r === list.filters.role);
  const status = STATUSES.find(([value]) => value === list.filters.status)?.[0];
  const twoFactor =
    list.filters.twoFactor === 'on' || list.filters.twoFactor === 'off' ? list.filters.twoFactor : undefined;
  const sort = SORTS.find(([value]) => value === list.filters.sort)?.[0];
  const q = list.filters.q.trim();
  const [text, setText] = useState(q);
  const filters = { q: q || undefined, role, status, twoFactor, sort, cursor: list.cursor, limit: list.limit };
  const users = useQuery({
    queryKey: ['admin-users', filters],
    queryFn: ({ signal }) =>
      api<{ items: UserSummary[]; nextCursor: string | null; total?: number; totalIsEstimate?: boolean }>(
        '/api/auth/admin/users',
        { query: filters, signal },
      ),
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
        <SelectField label="Status" value={status ?? ''} onChange={(e) => list.setFilters({ status: e.target.value })}>
          <option value="">Any status</option>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Two-factor"
          value={twoFactor ?? ''}
          onChange={(e) => list.setFilters({ twoFactor: e.target.value })}
        >
          <option value="">On or off</option>
          <option value="on">On</option>
          <option value="off">Off</option>
        </SelectField>
        <SelectField label="Order" value={sort ?? ''} onChange={(e) => list.setFilters({ sort: e.target.value })}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value === 'createdAt' ? '' : value}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit">Search</button>
        </div>
        {users.data?.total !== undefined && (
          <p className="muted" role="status">
            {users.data.total.toLocaleString()}
            {users.data.totalIsEstimate ? '+' : ''} user{users.data.total === 1 ? '' : 's'}
          </p>
        )}
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
              <caption className="visually-hidden">Users</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Two-factor</th>
                  <th scope="col">Last signed in</th>
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
                    <td>
                      {user.role}
                      {user.disabled && <span className="badge disabled"> locked</span>}
                    </td>
                    <td>{user.twoFactor.enabled ? 'on' : 'off'}</td>
                    <td>{user.lastSignInAt ? formatInstant(user.lastSignInAt) : 'never'}</td>
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
