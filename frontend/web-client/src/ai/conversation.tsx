import { Link } from 'react-router';
import type { Bundle, PlanProgress } from './agent-types.ts';
import { BundleCard, changedParts } from './bundle-card.tsx';
import { PlanSteps } from './plan-progress.tsx';

export type Entry =
  | { key: string; role: 'traveler'; text: string }
  | {
      key: string;
      role: 'agent';
      /** bundles, question, answer, nothing, watching, confirm-booking; `error` for a plan that failed or stopped. */
      kind: string;
      text: string;
      bundles?: Bundle[] | undefined;
      /** The API's refine diff ("+$38", "now nonstop"), when this answer refined an earlier one. */
      changes?: string[] | null | undefined;
      /** The best pick before this answer, to mark what changed on the new one. */
      previousBest?: Bundle | null | undefined;
      steps?: PlanProgress[] | undefined;
      bundleId?: string | undefined;
    };

function AgentText({ entry }: { entry: Extract<Entry, { role: 'agent' }> }) {
  const changes = entry.changes?.filter((c) => c !== 'same pick') ?? [];
  if (changes.length > 0) {
    return (
      <p>
        Updated:{' '}
        {changes.map((change, i) => (
          <span key={change}>
            <span className="changed">{change}</span>
            {i < changes.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
    );
  }
  return <p className={entry.kind === 'error' ? 'bad' : undefined}>{entry.text}</p>;
}

function AgentMessage({ entry }: { entry: Extract<Entry, { role: 'agent' }> }) {
  return (
    <div className={`ai-message ai-agent ai-kind-${entry.kind}`} data-testid="agent-message">
      <span className="ai-who">Tripwise agent</span>
      <AgentText entry={entry} />
      {entry.bundles && entry.bundles.length > 0 && (
        <div className="ai-bundles">
          {entry.bundles.map((bundle, i) => (
            <BundleCard
              key={bundle.id}
              bundle={bundle}
              changed={i === 0 && entry.changes ? changedParts(entry.previousBest, bundle) : undefined}
            />
          ))}
        </div>
      )}
      {entry.kind === 'confirm-booking' && entry.bundleId && (
        <Link className="button" to={`/checkout?bundle=${entry.bundleId}`}>
          Review and book
        </Link>
      )}
      {entry.steps && entry.steps.length > 0 && <PlanSteps progress={entry.steps} />}
    </div>
  );
}

/** The conversation, oldest first; new messages are announced politely (a chat log). */
export function Conversation({ entries }: { entries: Entry[] }) {
  return (
    <div className="ai-log" role="log" aria-live="polite" aria-label="Conversation">
      {entries.map((entry) =>
        entry.role === 'traveler' ? (
          <div key={entry.key} className="ai-message ai-traveler" data-testid="traveler-message">
            <span className="ai-who">You</span>
            <p>{entry.text}</p>
          </div>
        ) : (
          <AgentMessage key={entry.key} entry={entry} />
        ),
      )}
    </div>
  );
}
