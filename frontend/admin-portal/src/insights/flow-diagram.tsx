import type { InsightTrace } from '@tripwise/contracts';
import { clip } from '../charts/scale.ts';

const COLUMN = 170;
const NODE_WIDTH = 14;
const ROW = 34;
const TOP = 24;

/**
 * A Sankey-style flow of page paths: one column per step, a bar per page sized by the sessions there, links to the
 * next step's pages as bands as wide as the sessions that went on, and each node's exits (drop-off) beside it.
 */
export function FlowDiagram({ trace, label }: { trace: InsightTrace; label: string }) {
  const steps = Math.max(0, ...trace.nodes.map((n) => n.step)) + 1;
  const byStep = Array.from({ length: steps }, (_, step) => trace.nodes.filter((n) => n.step === step));
  const rows = Math.max(1, ...byStep.map((column) => column.length));
  const most = Math.max(1, ...trace.nodes.map((n) => n.sessions));
  const unit = (ROW - 8) / most;
  const width = steps * COLUMN + 40;
  const height = TOP + rows * ROW + 10;
  const at = (step: number, route: string) => {
    const i = byStep[step]?.findIndex((n) => n.route === route) ?? 0;
    return { x: 10 + step * COLUMN, y: TOP + i * ROW };
  };
  const outOffset = new Map<string, number>();
  const inOffset = new Map<string, number>();
  return (
    <svg className="chart-svg flow" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {Array.from({ length: steps }, (_, step) => (
        <text key={step} className="tick" x={10 + step * COLUMN} y={12}>
          Step {step + 1}
        </text>
      ))}
      {trace.links.map((link) => {
        const from = at(link.step, link.from);
        const to = at(link.step + 1, link.to);
        const thickness = Math.max(1, link.sessions * unit);
        const fromKey = `${link.step} ${link.from}`;
        const toKey = `${link.step + 1} ${link.to}`;
        const y1 = from.y + (outOffset.get(fromKey) ?? 0) + thickness / 2;
        const y2 = to.y + (inOffset.get(toKey) ?? 0) + thickness / 2;
        outOffset.set(fromKey, (outOffset.get(fromKey) ?? 0) + thickness);
        inOffset.set(toKey, (inOffset.get(toKey) ?? 0) + thickness);
        const x1 = from.x + NODE_WIDTH;
        const x2 = to.x;
        const mid = (x1 + x2) / 2;
        return (
          <path
            key={`${fromKey} ${link.to}`}
            className="flow-link"
            d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
            strokeWidth={thickness}
            stroke="#3b6fd8"
            strokeOpacity={0.3}
            fill="none"
          >
            <title>{`${link.from} → ${link.to}: ${link.sessions} sessions`}</title>
          </path>
        );
      })}
      {trace.nodes.map((node) => {
        const { x, y } = at(node.step, node.route);
        return (
          <g key={`${node.step} ${node.route}`}>
            <title>{`${node.route} (step ${node.step + 1}): ${node.sessions} sessions, ${node.exits} left here`}</title>
            <rect className="bar" x={x} y={y} width={NODE_WIDTH} height={Math.max(2, node.sessions * unit)} />
            <text x={x + NODE_WIDTH + 4} y={y + 11}>
              {clip(node.route, 18)} · {node.sessions}
            </text>
            {node.exits > 0 && (
              <text className="tick" x={x + NODE_WIDTH + 4} y={y + 24}>
                {node.exits} left
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
