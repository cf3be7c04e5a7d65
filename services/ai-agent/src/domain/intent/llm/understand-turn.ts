import { intentRequestSchema, type IntentRequest } from '@tripwise/contracts';
import { wallClockAt, todayOf } from '../calendar.rules.ts';
import { heardNothing, type Heard } from '../agent-turn.reader.ts';
import { readTurn, type ParseOptions } from '../parse-turn.ts';
import { emptyRequest } from '../request.shapes.ts';
import { completeStructured, LlmCallFailed } from './chat-completions.client.ts';
import type { FallbackCode, IntentLlm } from './intent-llm.ts';
import { INTENT_SCHEMA_NAME, intentJsonSchema } from './intent-json-schema.ts';
import { intentMessages } from './intent-prompt.ts';
import { findImplausibility, settleAnswer } from './llm-answer.rules.ts';

export interface UnderstandOptions extends ParseOptions {
  /** Cancels the LLM call (the turn is then read by the rules). */
  signal?: AbortSignal;
  /** What the agent said before this turn, when the conversation gives it (see `parseConversation`). */
  heard?: Heard;
}

export interface Understanding {
  request: IntentRequest;
  source: 'llm' | 'rules';
  /** Why the configured LLM's answer was not used: a code (`timeout`, `implausible`, …), a colon, the detail. */
  fallbackReason?: string;
}

const LLM_DOWN: ReadonlySet<FallbackCode> = new Set(['timeout', 'network-error', 'http-error', 'bad-response']);

class UnusableAnswer extends Error {
  readonly code: FallbackCode;
  constructor(code: FallbackCode, message: string) {
    super(message);
    this.code = code;
  }
}

// A bug on this path must not cost the traveller their answer: the rules still read the turn, and the log says why.
function asFailure(err: unknown): LlmCallFailed | UnusableAnswer {
  if (err instanceof LlmCallFailed || err instanceof UnusableAnswer) return err;
  return new UnusableAnswer('unexpected', err instanceof Error ? err.message : String(err));
}

function readAnswer(content: string): unknown {
  // A server without structured output may still wrap its JSON in a Markdown fence.
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, '$1');
  try {
    return JSON.parse(unfenced);
  } catch {
    throw new UnusableAnswer('not-json', 'the LLM answer is not JSON');
  }
}

async function askLlm(
  llm: IntentLlm,
  previous: IntentRequest | null,
  utterance: string,
  options: UnderstandOptions,
): Promise<IntentRequest> {
  const clock = wallClockAt(options.now, options.timeZone);
  const today = todayOf(clock);
  const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  const content = await completeStructured(
    llm.endpoint,
    {
      messages: intentMessages(
        { today, time, timeZone: options.timeZone, previous, agentSaid: options.heard?.said ?? null },
        utterance,
      ),
      schemaName: INTENT_SCHEMA_NAME,
      schema: intentJsonSchema(),
    },
    options.signal,
  );
  const parsed = intentRequestSchema.safeParse(readAnswer(content));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new UnusableAnswer('schema-mismatch', `the LLM answer does not fit the contract (${issues.join('; ')})`);
  }
  const problem = findImplausibility(parsed.data, { previous: previous ?? emptyRequest(), today, utterance });
  if (problem !== null) throw new UnusableAnswer('implausible', problem);
  return settleAnswer(parsed.data);
}

/**
 * Reads one more turn of a conversation into its request, like `parseTurn`, with the configured LLM first: its
 * structured answer is used when it fits the contract and passes the rules' sanity checks; anything else (no LLM,
 * an error, a timeout, a refusal, an answer that is not JSON, does not fit or cannot be right) falls back to the
 * rule-based parser, and says why. Throws only what `parseTurn` itself throws.
 */
export async function understandTurn(
  state: IntentRequest | null,
  utterance: string,
  options: UnderstandOptions,
  llm?: IntentLlm,
): Promise<Understanding> {
  const rules = (): IntentRequest => readTurn(state, utterance, options, options.heard ?? heardNothing()).request;
  if (!llm) return { request: rules(), source: 'rules' };
  if (!llm.available()) {
    llm.report({ source: 'rules', fallback: 'paused', llmSeconds: 0 });
    return { request: rules(), source: 'rules', fallbackReason: 'paused: the LLM failed repeatedly, retrying later' };
  }
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const request = await askLlm(llm, state, utterance, options);
    llm.succeeded();
    llm.report({ source: 'llm', fallback: null, llmSeconds: seconds() });
    return { request, source: 'llm' };
  } catch (err) {
    const failure = asFailure(err);
    // A call that failed is a sign the LLM is down; an answer that was wrong is not.
    const down = failure instanceof LlmCallFailed && LLM_DOWN.has(failure.code);
    const pausing = down && llm.failed(failure.retryAfterMs);
    if (!down && failure.code !== 'cancelled') llm.succeeded();
    llm.report({ source: 'rules', fallback: failure.code, llmSeconds: seconds() });
    const fields = { reason: failure.code, detail: failure.message, model: llm.endpoint.model };
    if (failure.code === 'unexpected') {
      llm.logger?.error('intent: the LLM path failed, read by the rules', { ...fields, err });
    } else {
      llm.logger?.warn('intent: LLM answer not used, read by the rules', fields);
    }
    if (pausing) llm.logger?.warn('intent: the LLM keeps failing, the rules read the next turns for a while', fields);
    return { request: rules(), source: 'rules', fallbackReason: `${failure.code}: ${failure.message}` };
  }
}
