import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useState, type FormEvent } from 'react';
import { Field, SelectField } from '../ui/field.tsx';
import { useListParams } from '../ui/list-params.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { Pager } from '../ui/pager.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { AuditTable } from './audit-table.tsx';
import { AUDIT_EVENTS, type AuditEvent } from './user-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit log: who did what and when, newest first, by event and by user; filters and page in the address. */
export function AuditPage() {
  usePageTitle('Audit log');
  const list = useListParams(['userId', 'event'] as const);
  const userId = UUID.test(list.filters.userId) ? list.filters.userId : undefined;
  const event = /^[a-z_.]{1,60}$/.test(list.filters.event) ? list.filters.event : undefined;
  const [userText, setUserText] = useState(userId ?? '');
  const events = useQuery({
    queryKey: ['admin-audit', { userId, event, cursor: list.cursor, limit: list.limit }],
    queryFn: ({ signal }) =>
      api<{ items: AuditEvent[]; nextCursor: string | null }>('/api/auth/admin/audit', {
        query: { userId, event, cursor: list.cursor, limit: list.limit },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const userError =
    userText.trim() && !UUID.test(userText.trim()) ? 'Enter a user id (from the user’s page).' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!userError) list.setFilters({ userId: userText.trim() });
  };

  return (
    <>
      <h1>Audit log</h1>
      <form className="toolbar" role="search" aria-label="Audit events" onSubmit={submit}>
        <SelectField label="Event" value={event ?? ''} onChange={(e) => list.setFilters({ event: e.target.value })}>
          <option value="">Every event</option>
          {AUDIT_EVENTS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <Field label="User id" value={userText} onChange={(e) => setUserText(e.target.value)} error={userError} />
        <div className="actions">
          <button type="submit">Filter</button>
          {(userId || event) && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setUserText('');
                list.setFilters({ userId: '', event: '' });
              }}
            >
              Clear
            </button>
          )}
        </div>
      </form>
      {events.isPending ? (
        <Loading label="Loading the audit log" />
      ) : events.isError ? (
        <ErrorState error={events.error} retry={() => void events.refetch()} what="The audit log" />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="No events match" />
      ) : (
        <>
          <AuditTable events={events.data.items} label="Audit events" />
          <Pager shown={events.data.items.length} nextCursor={events.data.nextCursor} list={list} noun="event" />
        </>
      )}
    </>
  );
}
