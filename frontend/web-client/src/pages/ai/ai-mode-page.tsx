import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import type { Bundle, SessionHistory } from '../../ai/agent-types.ts';
import { ChatComposer, EXAMPLES } from '../../ai/chat-composer.tsx';
import { Conversation, type Entry } from '../../ai/conversation.tsx';
import { entriesOf, hasAnswerOf } from '../../ai/history.ts';
import { PlanProgressPanel } from '../../ai/plan-progress.tsx';
import { usePlanJob } from '../../ai/use-plan-job.ts';
import { RequireSignIn } from '../../ui/require-sign-in.tsx';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';

const lastBestOf = (entries: Entry[]): Bundle | null => {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.role === 'agent' && entry.bundles?.[0]) return entry.bundles[0];
  }
  return null;
};

function AiMode() {
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session');
  const jobParam = params.get('job');
  const [entries, setEntries] = useState<Entry[]>([]);
  // The conversation on screen: history is loaded only for a session this page has not been showing already.
  const [shown, setShown] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const plan = usePlanJob();
  const { follow, forget } = plan;

  const history = useQuery({
    queryKey: ['ai-session', sessionId],
    queryFn: ({ signal }) => api<SessionHistory>(`/api/ai/sessions/${sessionId ?? ''}`, { signal }),
    enabled: sessionId !== null && sessionId !== shown,
    staleTime: Infinity,
  });

  useEffect(() => {
    if (!history.data || history.data.id !== sessionId || shown === sessionId) return;
    setEntries(entriesOf(history.data));
    setShown(sessionId);
    // A plan that was running when the page was left or reloaded: resume it from its first event.
    if (jobParam && !hasAnswerOf(history.data, jobParam)) follow(jobParam);
    else if (jobParam) setParams({ session: sessionId }, { replace: true });
  }, [history.data, sessionId, shown, jobParam, follow, setParams]);

  // Leaving a conversation for a bare /ai ("New conversation", or the AI Mode link) starts afresh. Only that
  // transition counts: right after the first message the address catches up with the new session a moment later.
  const previousSession = useRef(sessionId);
  useEffect(() => {
    if (previousSession.current !== null && sessionId === null) {
      setEntries([]);
      setShown(null);
      forget();
    }
    previousSession.current = sessionId;
  }, [sessionId, forget]);

  const outcome = plan.state?.outcome;
  useEffect(() => {
    if (!outcome || !plan.state) return;
    const { jobId, progress } = plan.state;
    setEntries((current) => {
      if (current.some((e) => e.key === jobId)) return current;
      const answer: Entry =
        outcome.event === 'plan:result'
          ? {
              key: jobId,
              role: 'agent',
              kind: outcome.payload.kind,
              text: outcome.payload.text,
              bundles: outcome.payload.bundles,
              changes: outcome.payload.changes,
              previousBest: lastBestOf(current),
              steps: progress,
              bundleId: outcome.payload.bundleId,
            }
          : { key: jobId, role: 'agent', kind: 'error', text: outcome.payload.message, steps: progress };
      return [...current, answer];
    });
    forget();
    if (sessionId) setParams({ session: sessionId }, { replace: true });
    if (!document.activeElement || document.activeElement === document.body) input.current?.focus();
  }, [outcome, plan.state, forget, sessionId, setParams]);

  const send = useMutation({
    mutationFn: (message: string) =>
      api<{ sessionId: string; jobId: string }>('/api/ai/chat', {
        method: 'POST',
        body: { message, timeZone: browserTimeZone(), ...(sessionId ? { sessionId } : {}) },
      }),
  });
  const onSend = useCallback(
    async (message: string) => {
      try {
        const started = await send.mutateAsync(message);
        setEntries((current) => [...current, { key: `traveler-${started.jobId}`, role: 'traveler', text: message }]);
        setShown(started.sessionId);
        follow(started.jobId);
        setParams({ session: started.sessionId, job: started.jobId }, { replace: sessionId === started.sessionId });
        input.current?.focus();
        return true;
      } catch {
        return false;
      }
    },
    [send, follow, setParams, sessionId],
  );

  const cancel = useMutation({
    mutationFn: (jobId: string) => api(`/api/ai/jobs/${jobId}/cancel`, { method: 'POST', body: {} }),
  });

  const running = plan.state !== null && !plan.state.outcome;
  const fieldError = send.error instanceof ApiError ? send.error.forField('message') : undefined;
  return (
    <div className="ai-mode">
      <div className="ai-head">
        <h1>AI Mode</h1>
        {sessionId && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setParams({});
              input.current?.focus();
            }}
          >
            New conversation
          </button>
        )}
      </div>
      <p className="muted">
        Tell the agent about your trip in your own words. It searches flights, hotels and cars, and puts together
        complete options you can refine, watch or book.
      </p>
      {history.isError && (
        <p className="form-error" role="alert">
          {messageOf(history.error)} <a href="/ai">Start a new conversation</a>.
        </p>
      )}
      {history.isPending && sessionId !== null && sessionId !== shown && <div className="skeleton" aria-hidden />}
      {entries.length === 0 && sessionId === null && (
        <section className="card ai-empty" aria-labelledby="ai-try">
          <h2 id="ai-try">Try asking</h2>
          <ul>
            {EXAMPLES.slice(0, 2).map((example) => (
              <li key={example}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setDraft(example);
                    input.current?.focus();
                  }}
                >
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Conversation entries={entries} />
      {running && (
        <PlanProgressPanel
          progress={plan.state?.progress ?? []}
          cancelling={cancel.isPending}
          onCancel={() => plan.state && cancel.mutate(plan.state.jobId)}
        />
      )}
      {cancel.error && (
        <p className="form-error" role="alert">
          {messageOf(cancel.error)}
        </p>
      )}
      <ChatComposer
        ref={input}
        text={draft}
        onText={setDraft}
        busy={running}
        sending={send.isPending}
        error={send.error && !fieldError ? messageOf(send.error) : null}
        fieldError={fieldError}
        onSend={onSend}
      />
    </div>
  );
}

export function AiModePage() {
  return (
    <RequireSignIn>
      <AiMode />
    </RequireSignIn>
  );
}
