import type { SessionHistory } from './agent-types.ts';
import type { Entry } from './conversation.tsx';

/** A conversation read back from the API; the latest options go with the last answer that offered options. */
export function entriesOf(history: SessionHistory): Entry[] {
  const lastWithOptions = history.messages.findLastIndex(
    (m) => m.role === 'agent' && (m.kind === 'bundles' || m.kind === 'alternatives'),
  );
  return history.messages.map((m, i): Entry => {
    const key = `history-${i}`;
    if (m.role === 'traveler') return { key, role: 'traveler', text: m.text };
    return {
      key: m.jobId ?? key,
      role: 'agent',
      kind: m.kind ?? 'answer',
      text: m.text,
      bundles: i === lastWithOptions ? history.bundles : undefined,
      bundleId: m.bundleId,
    };
  });
}

/** Whether the conversation already holds the answer of a job (it finished while the page was away). */
export const hasAnswerOf = (history: SessionHistory, jobId: string) =>
  history.messages.some((m) => m.role === 'agent' && m.jobId === jobId);
