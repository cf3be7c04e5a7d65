import { clip, compact, niceTicks } from './scale.ts';

export interface Column {
  /** The period, e.g. "Mar" or "Mar 4". */
  label: string;
  value: number;
  display: string;
}

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 28;

/** Columns over time (sales per day, week or month); every column has its exact value as a tooltip. */
export function ColumnChart({
  columns,
  label,
  tone = 'bar',
}: {
  columns: readonly Column[];
  label: string;
  tone?: 'bar' | 'bar-2';
}) {
  const ticks = niceTicks(Math.max(...columns.map((c) => c.value), 0));
  const top = ticks.at(-1) ?? 1;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(columns.length, 1);
  const y = (v: number) => TOP + plotHeight - (v / top) * plotHeight;
  // At most ~12 period labels fit under the axis; the others are in the tooltips and the table.
  const every = Math.ceil(columns.length / 12);
  return (
    <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid-line" x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} />
          <text className="tick" x={LEFT - 6} y={y(t) + 4} textAnchor="end">
            {compact(t)}
          </text>
        </g>
      ))}
      {columns.map((column, i) => (
        <g key={`${column.label}-${i}`}>
          <title>{`${column.label}: ${column.display}`}</title>
          <rect
            className={tone}
            x={LEFT + i * slot + slot * 0.15}
            y={y(column.value)}
            width={Math.max(1, slot * 0.7)}
            height={Math.max(0, TOP + plotHeight - y(column.value))}
          />
          {i % every === 0 && (
            <text className="tick" x={LEFT + i * slot + slot / 2} y={HEIGHT - 10} textAnchor="middle">
              {clip(column.label, 8)}
            </text>
          )}
        </g>
      ))}
      <line className="axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotHeight} y2={TOP + plotHeight} />
    </svg>
  );
}
