import { Link } from 'react-router';
import { formatInstant } from '../ui/format.ts';
import { TableFrame } from '../ui/table-frame.tsx';
import type { AuditEvent } from './user-types.ts';

const detailsText = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');

/** Audit events: when, what, about whom, by whom (an admin acting on someone), from where. */
export function AuditTable({
  events,
  label,
  showUser = true,
}: {
  events: AuditEvent[];
  label: string;
  showUser?: boolean;
}) {
  return (
    <TableFrame label={label}>
      <table>
        <caption className="visually-hidden">{label}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            {showUser && <th scope="col">User</th>}
            <th scope="col">By</th>
            <th scope="col">From</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatInstant(e.occurredAt)}</td>
              <th scope="row">
                <code>{e.event}</code>
              </th>
              {showUser && (
                <td>
                  {e.userId ? <Link to={`/users/${e.userId}`}>{e.user?.email ?? e.userId.slice(0, 8)}</Link> : '—'}
                </td>
              )}
              <td>
                {e.actorId ? (
                  <Link to={`/users/${e.actorId}`}>{e.actor?.email ?? `admin ${e.actorId.slice(0, 8)}`}</Link>
                ) : e.userId ? (
                  'the user'
                ) : (
                  '—'
                )}
              </td>
              <td>{e.ip ?? '—'}</td>
              <td>
                <small>{detailsText(e.details) || '—'}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
