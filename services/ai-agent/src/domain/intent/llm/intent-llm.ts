import type { Logger } from '@tripwise/platform/logger';
import type { ChatCompletionsEndpoint } from './chat-completions.client.ts';

/** Why a turn was read by the rules although an LLM is configured: few and fixed, to label a metric. */
export type FallbackCode =
  | 'timeout'
  | 'cancelled'
  | 'network-error'
  | 'http-error'
  | 'bad-response'
  | 'refusal'
  | 'truncated'
  | 'no-content'
  | 'not-json'
  | 'schema-mismatch'
  | 'implausible'
  | 'paused'
  | 'unexpected';

/** One turn's reading, for a metric: who read it, why not the LLM, and how long the LLM took (0 when not asked). */
export interface UnderstandingOutcome {
  source: 'llm' | 'rules';
  fallback: FallbackCode | null;
  llmSeconds: number;
}

export interface IntentLlmOptions {
  logger?: Logger;
  /** Called once per turn read with an LLM configured, e.g. to count `source`/`fallback` in a Prometheus counter. */
  onOutcome?: (outcome: UnderstandingOutcome) => void;
  /** Failed calls in a row (errors, timeouts) after which the LLM is left alone for `pauseMs`. Default 3. */
  failuresBeforePause?: number;
  /** Default 30 s; a 429's `Retry-After` pauses at once, for at most a minute. */
  pauseMs?: number;
  /** For tests: the clock of the pause, in milliseconds. */
  clock?: () => number;
}

/**
 * A configured LLM for the intent parser, with the state that outlives a turn: while it keeps failing, turns skip
 * it (the rules answer at once) instead of each waiting for its timeout.
 */
export interface IntentLlm {
  endpoint: ChatCompletionsEndpoint;
  logger: Logger | undefined;
  report(outcome: UnderstandingOutcome): void;
  /** Whether to ask the LLM now; false while paused after repeated failures. */
  available(): boolean;
  succeeded(): void;
  /** Records a failed call; returns true when this failure starts a pause. */
  failed(retryAfterMs: number | null): boolean;
}

const MAX_RETRY_AFTER_MS = 60_000;

export function createIntentLlm(endpoint: ChatCompletionsEndpoint, options: IntentLlmOptions = {}): IntentLlm {
  const clock = options.clock ?? Date.now;
  const threshold = options.failuresBeforePause ?? 3;
  const pauseMs = options.pauseMs ?? 30_000;
  let failures = 0;
  let pausedUntil = 0;
  return {
    endpoint,
    logger: options.logger,
    report: (outcome) => options.onOutcome?.(outcome),
    available: () => clock() >= pausedUntil,
    succeeded: () => {
      failures = 0;
    },
    failed: (retryAfterMs) => {
      failures += 1;
      const pause =
        retryAfterMs !== null ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : failures >= threshold ? pauseMs : 0;
      if (pause <= 0) return false;
      pausedUntil = clock() + pause;
      return true;
    },
  };
}

/** The LLM settings of the agent's config (all three of URL, key and model, or none). */
export interface LlmEnv {
  LLM_BASE_URL?: string | undefined;
  LLM_API_KEY?: string | undefined;
  LLM_MODEL?: string | undefined;
  LLM_TIMEOUT_MS: number;
}

/** The configured LLM, or undefined when none is: the intent parser then uses its rules alone. */
export function intentLlmFromConfig(env: LlmEnv, options: IntentLlmOptions = {}): IntentLlm | undefined {
  if (!env.LLM_BASE_URL || !env.LLM_API_KEY || !env.LLM_MODEL) return undefined;
  return createIntentLlm(
    { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL, timeoutMs: env.LLM_TIMEOUT_MS },
    options,
  );
}
