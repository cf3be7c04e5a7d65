import type { PlanProgress, PlanStage } from './agent-types.ts';

const STAGE_NAMES: Record<PlanStage, string> = {
  understanding: 'Understanding your request',
  searching_flights: 'Searching flights',
  searching_hotels: 'Searching hotels',
  searching_cars: 'Searching cars',
  building_bundles: 'Building bundles',
  done: 'Done',
};

/** Stages in the order they began; the searches run side by side, so only the latest is "active". */
function stagesOf(progress: PlanProgress[]): { stage: PlanStage; message: string; active: boolean }[] {
  const latest = new Map<PlanStage, string>();
  for (const p of progress) latest.set(p.stage, p.message);
  const current = progress.at(-1)?.stage;
  return [...latest].map(([stage, message]) => ({ stage, message, active: stage === current }));
}

/** Every step the agent reported, in order: kept with its answer so the traveler can see how it got there. */
export function PlanSteps({ progress, open = false }: { progress: PlanProgress[]; open?: boolean }) {
  return (
    <details className="ai-steps" open={open}>
      <summary>Every step ({progress.length})</summary>
      <ol data-testid="plan-steps">
        {progress.map((p) => (
          <li key={p.seq}>
            {p.percent}% — {p.message}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The plan at work: a labelled progress bar, the stages done and the one active, and a way to stop it. */
export function PlanProgressPanel({
  progress,
  onCancel,
  cancelling,
}: {
  progress: PlanProgress[];
  onCancel: () => void;
  cancelling: boolean;
}) {
  const percent = progress.at(-1)?.percent ?? 0;
  const stages = stagesOf(progress);
  return (
    <section className="card ai-progress" aria-labelledby="ai-progress-title" data-testid="plan-progress">
      <h2 id="ai-progress-title">Planning your trip</h2>
      <progress value={percent} max={100} aria-label="Planning progress" aria-valuetext={`${percent}%`}>
        {percent}%
      </progress>
      <ol className="ai-stages" aria-label="Stages">
        {stages.length === 0 && <li className="active">Sending your message…</li>}
        {stages.map(({ stage, message, active }) => (
          <li key={stage} className={active ? 'active' : 'done'} data-stage={stage}>
            <span aria-hidden="true" className="ai-stage-mark">
              {active ? '●' : '✓'}
            </span>{' '}
            <strong>{STAGE_NAMES[stage]}</strong>
            <span className="ai-sr-only">{active ? ' (in progress)' : ' (done)'}</span>
            <span className="muted"> — {message}</span>
          </li>
        ))}
      </ol>
      <PlanSteps progress={progress} />
      <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
        {cancelling ? 'Stopping…' : 'Stop planning'}
      </button>
    </section>
  );
}
