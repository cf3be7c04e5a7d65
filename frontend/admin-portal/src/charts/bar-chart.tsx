import { clip, compact, niceTicks } from './scale.ts';

export interface Bar {
  label: string;
  value: number;
  /** The value as people read it ("$1,234.00"), shown at the end of the bar. */
  display: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 96;
const ROW = 26;
const TOP = 8;
const AXIS = 22;

/** Horizontal bars, largest first as given: rankings (top properties, cities, providers). */
export function BarChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const ticks = niceTicks(Math.max(...bars.map((b) => b.value), 0));
  const top = ticks.at(-1) ?? 1;
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (v: number) => LABEL_WIDTH + (v / top) * plot;
  const height = TOP + bars.length * ROW + AXIS;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid-line" x1={x(t)} x2={x(t)} y1={TOP} y2={height - AXIS} />
          <text className="tick" x={x(t)} y={height - 6} textAnchor="middle">
            {compact(t)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = TOP + i * ROW;
        return (
          <g key={`${bar.label}-${i}`}>
            <title>{`${bar.label}: ${bar.display}`}</title>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {clip(bar.label, 26)}
            </text>
            <rect
              className="bar"
              x={LABEL_WIDTH}
              y={y + 4}
              width={Math.max(1, x(bar.value) - LABEL_WIDTH)}
              height={ROW - 8}
            />
            <text x={x(bar.value) + 6} y={y + ROW / 2 + 4}>
              {bar.display}
            </text>
          </g>
        );
      })}
      <line className="axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={TOP} y2={height - AXIS} />
    </svg>
  );
}
