import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../ui/states.tsx';

/** A chart whose data is still loading or failed, in the chart's own frame (its title, then loading or the error). */
function Pending({ title, query }: { title: string; query: UseQueryResult }) {
  return (
    <figure className="chart">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="This chart" />
      ) : (
        <Loading label={`Loading ${title}`} rows={3} />
      )}
    </figure>
  );
}

/** The chart `draw` makes of the query's data once it has it; until then, the same frame loading or failed. */
export function chartWhenLoaded<T>(query: UseQueryResult<T>, title: string, draw: (data: T) => ReactNode) {
  return query.data === undefined ? <Pending title={title} query={query} /> : draw(query.data);
}
