import { z } from 'zod';
import { allowedOriginsSchema, loadConfigOrExit, tokenCheckingServiceEnvSchema } from '@tripwise/platform/config';

const schema = tokenCheckingServiceEnvSchema(4004)
  .extend({
    SEARCH_URL: z.url().default('http://127.0.0.1:4002'),
    BOOKING_URL: z.url().default('http://127.0.0.1:4003'),
    /** Origins allowed to open a socket (the gateway's CORS_ORIGINS). */
    CORS_ORIGINS: allowedOriginsSchema,
    /** How often connected sockets' sessions are checked against the deny list. */
    SOCKET_REVOCATION_CHECK_MS: z.coerce.number().int().min(100).default(15_000),
    /** Any OpenAI-compatible chat-completions API (`…/v1`) for the intent parser; unset: the rules alone. */
    LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    LLM_API_KEY: z.string().min(1).optional(),
    LLM_MODEL: z.string().min(1).optional(),
    /** How long a turn waits for the LLM before the rules read it. */
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_500),
  })
  .superRefine((env, ctx) => {
    const llm = ['LLM_BASE_URL', 'LLM_API_KEY', 'LLM_MODEL'] as const;
    if (llm.every((name) => env[name] === undefined)) return;
    for (const name of llm.filter((name) => env[name] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'required: LLM_BASE_URL, LLM_API_KEY and LLM_MODEL are set together or not at all',
      });
    }
  });

export type Config = z.infer<typeof schema>;
export const config: Config = loadConfigOrExit(schema, process.env);
