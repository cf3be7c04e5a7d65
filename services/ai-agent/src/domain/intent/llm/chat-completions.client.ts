import { z } from 'zod';

/** An OpenAI-compatible chat-completions endpoint: `POST {baseUrl}/chat/completions`. */
export interface ChatCompletionsEndpoint {
  /** e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1` (Ollama). */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** The whole call, answer body included. */
  timeoutMs: number;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface StructuredCompletion {
  messages: ChatMessage[];
  schemaName: string;
  schema: Record<string, unknown>;
}

/** Why a call gave no usable text. The codes are few and fixed: they label metrics. */
export type LlmFailureCode =
  'timeout' | 'cancelled' | 'network-error' | 'http-error' | 'bad-response' | 'refusal' | 'truncated' | 'no-content';

export class LlmCallFailed extends Error {
  readonly code: LlmFailureCode;
  /** A 429's `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | null;
  constructor(code: LlmFailureCode, message: string, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'LlmCallFailed';
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
      }),
    )
    .min(1),
});

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function retryAfterMs(header: string | null): number | null {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

// Providers quote the key back, half masked ("Incorrect API key provided: sk-abc***xyz"): none of it is kept.
function withoutKey(text: string, apiKey: string): string {
  return text.replaceAll(apiKey, '[REDACTED]').replace(/\b(?:sk|key)-[\w*.-]+/gi, '[REDACTED]');
}

async function refusedCall(res: Response, apiKey: string): Promise<LlmCallFailed> {
  // The provider's own words help whoever reads the log ("model not found"); a non-JSON body is left out.
  const parsed = errorBodySchema.safeParse(parseJson(await res.text()));
  const detail = parsed.success ? `: ${withoutKey(parsed.data.error.message, apiKey).slice(0, 200)}` : '';
  const message = `the LLM answered ${res.status} ${res.statusText}${detail}`.trim();
  return new LlmCallFailed(
    'http-error',
    message,
    res.status === 429 ? retryAfterMs(res.headers.get('retry-after')) : null,
  );
}

function failureOf(err: unknown, timeoutMs: number): LlmCallFailed {
  if (err instanceof LlmCallFailed) return err;
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError') return new LlmCallFailed('timeout', `no answer from the LLM within ${timeoutMs} ms`);
  if (name === 'AbortError') return new LlmCallFailed('cancelled', 'the turn was cancelled');
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
  return new LlmCallFailed('network-error', `the LLM could not be reached: ${cause}`);
}

/**
 * Asks for one completion constrained to `schema` (structured output, strict) at temperature 0 and returns its
 * text. Throws `LlmCallFailed` for anything else: an HTTP error, a timeout, a refusal, a cut-off or empty answer.
 */
export async function completeStructured(
  endpoint: ChatCompletionsEndpoint,
  completion: StructuredCompletion,
  signal?: AbortSignal,
): Promise<string> {
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  try {
    const res = await fetch(`${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${endpoint.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: endpoint.model,
        messages: completion.messages,
        temperature: 0,
        response_format: {
          type: 'json_schema',
          json_schema: { name: completion.schemaName, strict: true, schema: completion.schema },
        },
      }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!res.ok) throw await refusedCall(res, endpoint.apiKey);
    const body = completionSchema.safeParse(parseJson(await res.text()));
    if (!body.success) throw new LlmCallFailed('bad-response', 'the LLM answered something other than a completion');
    const choice = body.data.choices[0]!;
    if (choice.message.refusal) {
      throw new LlmCallFailed('refusal', `the LLM refused: ${choice.message.refusal.slice(0, 200)}`);
    }
    if (choice.finish_reason === 'content_filter') throw new LlmCallFailed('refusal', 'the LLM filtered its answer');
    if (choice.finish_reason === 'length') throw new LlmCallFailed('truncated', 'the LLM answer was cut off');
    if (!choice.message.content) throw new LlmCallFailed('no-content', 'the LLM answer was empty');
    return choice.message.content;
  } catch (err) {
    throw failureOf(err, endpoint.timeoutMs);
  }
}
