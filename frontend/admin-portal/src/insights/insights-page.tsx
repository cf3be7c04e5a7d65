import type { ListingRef } from '@tripwise/contracts';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Field, SelectField } from '../ui/field.tsx';
import { formatInstant } from '../ui/format.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { usePortalRole } from '../ui/shell.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import { FlowDiagram } from './flow-diagram.tsx';
import { DailyChart, FunnelChart, ListingClicksChart, PagesChart, SectionsChart } from './insights-charts.tsx';
import {
  lastDays,
  useFunnel,
  useListingClicks,
  useListingInsights,
  useMyListings,
  usePages,
  useSections,
  useTimeline,
  useTrace,
  type DayRange,
  type TraceFilter,
} from './insights-api.ts';

const PERIODS = [7, 30, 90] as const;
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/**
 * What travelers look at and click: owners see their own listings (views, clicks, click-through from results,
 * conversion, least-seen sections); admins the marketplace (clicks per page and per listing, least-seen sections,
 * the funnel) and traces of a user or a cohort. Period and listing are in the address.
 */
export function InsightsPage() {
  const role = usePortalRole();
  const [params, setParams] = useSearchParams();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 30;
  const range = lastDays(days);
  usePageTitle('Insights');
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <h1>{role === 'owner' ? 'Insights on my listings' : 'Marketplace insights'}</h1>
      <div className="toolbar" role="group" aria-label="Period">
        <SelectField label="Period" value={days} onChange={(e) => set('days', e.target.value)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              Last {p} days
            </option>
          ))}
        </SelectField>
        <p className="muted">Counted from visitors who allow it (Do Not Track and GPC are honoured).</p>
      </div>
      {role === 'owner' ? (
        <OwnerInsights range={range} listing={params.get('listing') ?? ''} choose={(v) => set('listing', v)} />
      ) : (
        <AdminInsights range={range} />
      )}
    </>
  );
}

function OwnerInsights({ range, listing, choose }: { range: DayRange; listing: string; choose: (v: string) => void }) {
  const mine = useMyListings();
  if (mine.isError) return <ErrorState error={mine.error} retry={() => void mine.refetch()} what="Your listings" />;
  if (!mine.data) return <Loading label="Loading your listings" rows={2} />;
  if (mine.data.length === 0) {
    return <EmptyState title="No listings yet">Add a hotel or car to see its insights.</EmptyState>;
  }
  const key = (ref: ListingRef) => `${ref.kind}:${ref.id}`;
  const chosen = mine.data.find((l) => key(l.ref) === listing) ?? mine.data[0]!;
  return (
    <>
      <SelectField label="Listing" value={key(chosen.ref)} onChange={(e) => choose(e.target.value)}>
        {mine.data.map((l) => (
          <option key={key(l.ref)} value={key(l.ref)}>
            {l.name}
          </option>
        ))}
      </SelectField>
      <ListingReport listing={chosen.ref} range={range} />
    </>
  );
}

function ListingReport({ listing, range }: { listing: ListingRef; range: DayRange }) {
  const report = useListingInsights(listing, range);
  if (report.isError) return <ErrorState error={report.error} retry={() => void report.refetch()} what="The report" />;
  if (!report.data) return <Loading label="Loading the report" rows={3} />;
  const r = report.data;
  return (
    <>
      <dl className="facts card" data-testid="listing-kpis">
        <div>
          <dt>Detail views</dt>
          <dd data-testid="kpi-views">{r.totals.views}</dd>
        </div>
        <div>
          <dt>Clicks</dt>
          <dd data-testid="kpi-clicks">{r.totals.clicks}</dd>
        </div>
        <div>
          <dt>Click-through from results</dt>
          <dd>{percent(r.clickThroughRate)}</dd>
        </div>
        <div>
          <dt>Bookings</dt>
          <dd data-testid="kpi-bookings">{r.totals.bookings}</dd>
        </div>
        <div>
          <dt>Conversion (bookings per view)</dt>
          <dd>{percent(r.conversionRate)}</dd>
        </div>
      </dl>
      <div className="charts">
        <DailyChart report={r} measure="views" />
        <DailyChart report={r} measure="clicks" />
        <SectionsChart sections={r.sections} title="Least-seen sections of this listing's page" />
      </div>
      <p className="muted">
        Reviews per month and revenue per listing are on the listing's page and under Performance.
      </p>
    </>
  );
}

function AdminInsights({ range }: { range: DayRange }) {
  const pages = usePages(range);
  const listings = useListingClicks(range);
  const sections = useSections(range);
  const funnel = useFunnel(range);
  return (
    <>
      <div className="charts">
        <PagesChart query={pages} title="Clicks per page" />
        <ListingClicksChart query={listings} title="Listing clicks across the marketplace" />
        {sections.data ? (
          <SectionsChart sections={sections.data.items} title="Least-seen sections site-wide" />
        ) : (
          <Loading label="Loading sections" rows={3} />
        )}
        {funnel.data ? (
          <FunnelChart steps={funnel.data.steps} title="Funnel: results → details → checkout → booked" />
        ) : (
          <Loading label="Loading the funnel" rows={3} />
        )}
      </div>
      <Traces range={range} />
    </>
  );
}

function Traces({ range }: { range: DayRange }) {
  const [draft, setDraft] = useState<TraceFilter>({});
  const [filter, setFilter] = useState<TraceFilter | undefined>();
  const trace = useTrace(range, filter ?? {}, filter !== undefined);
  const timeline = useTimeline(filter?.userId || undefined, range);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft });
  };
  const field = (name: keyof TraceFilter, label: string, hint?: string) => (
    <Field
      label={label}
      {...(hint ? { hint } : {})}
      value={draft[name] ?? ''}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
    />
  );
  return (
    <section aria-labelledby="traces-title">
      <h2 id="traces-title">Traces</h2>
      <form className="toolbar" onSubmit={submit} aria-label="Who to trace">
        {field('userId', 'User id')}
        {field('email', 'or email')}
        {field('city', 'City')}
        {field('state', 'State', 'e.g. CA')}
        {field('signupMonth', 'Signed up in', 'YYYY-MM')}
        <SelectField
          label="Device"
          value={draft.device ?? ''}
          onChange={(e) => setDraft({ ...draft, device: e.target.value })}
        >
          <option value="">Any</option>
          <option value="desktop">Desktop</option>
          <option value="tablet">Tablet</option>
          <option value="mobile">Mobile</option>
        </SelectField>
        <button type="submit">Trace</button>
      </form>
      {filter !== undefined && trace.isError && <ErrorState error={trace.error} what="The trace" />}
      {filter !== undefined && trace.isPending && <Loading label="Tracing" rows={2} />}
      {trace.data && (
        <figure className="chart" data-testid="trace-flow">
          <figcaption>
            <h3>
              {trace.data.sessions} sessions of {trace.data.users} signed-in travelers
            </h3>
          </figcaption>
          {trace.data.nodes.length === 0 ? (
            <p className="muted">No page views match in this period.</p>
          ) : (
            <FlowDiagram trace={trace.data} label="Paths taken, step by step, with where sessions left" />
          )}
        </figure>
      )}
      {timeline.data && (
        <TableFrame label="The user's timeline">
          <table data-testid="timeline">
            <caption>Timeline (first {timeline.data.items.length} events)</caption>
            <thead>
              <tr>
                <th>When</th>
                <th>Event</th>
                <th>Page</th>
                <th>What</th>
                <th>Device</th>
              </tr>
            </thead>
            <tbody>
              {timeline.data.items.map((e, i) => (
                <tr key={i}>
                  <td>{formatInstant(e.at)}</td>
                  <td>{e.type.replace('_', ' ')}</td>
                  <td>{e.route}</td>
                  <td>
                    {[
                      e.element,
                      e.section,
                      e.listing && `${e.listing.kind} ${e.listing.id}`,
                      e.visibleMs !== null && `${e.visibleMs} ms`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>{e.device}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </section>
  );
}
