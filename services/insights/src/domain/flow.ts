import type { FlowLink, FlowNode } from '@tripwise/contracts';
import type { PageStep } from '../data/events.repository.ts';

/** Steps of a path shown at most; longer paths are cut (their later steps are rare and unreadable). */
export const MAX_FLOW_STEPS = 6;

/**
 * Turns ordered page views into a Sankey-style flow: each session's path (a page reloaded or re-rendered counts
 * once), step by step, with how many sessions stood at each page at each step, went on to which page, and ended there.
 */
export function buildFlow(steps: readonly PageStep[], maxSteps = MAX_FLOW_STEPS) {
  const paths = new Map<string, string[]>();
  for (const { session_id, route } of steps) {
    const path = paths.get(session_id) ?? [];
    if (path.at(-1) !== route && path.length < maxSteps) path.push(route);
    paths.set(session_id, path);
  }
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  for (const path of paths.values()) {
    path.forEach((route, step) => {
      const id = `${step} ${route}`;
      const node = nodes.get(id) ?? { step, route, sessions: 0, exits: 0 };
      node.sessions += 1;
      const next = path[step + 1];
      if (next === undefined) node.exits += 1;
      else {
        const linkId = `${step} ${route} ${next}`;
        const link = links.get(linkId) ?? { step, from: route, to: next, sessions: 0 };
        link.sessions += 1;
        links.set(linkId, link);
      }
      nodes.set(id, node);
    });
  }
  // Biggest first within a step; ties by route, so the same events always draw the same diagram.
  const bySize = <T extends { step: number; sessions: number }>(a: T, b: T, name: (t: T) => string) =>
    a.step - b.step || b.sessions - a.sessions || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  return {
    sessions: paths.size,
    nodes: [...nodes.values()].sort((a, b) => bySize(a, b, (n) => n.route)),
    links: [...links.values()].sort((a, b) => bySize(a, b, (l) => `${l.from} ${l.to}`)),
  };
}
