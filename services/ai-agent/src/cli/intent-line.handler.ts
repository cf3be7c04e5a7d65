import { z } from 'zod';
import { parseConversation, type ParseOptions } from '../domain/intent/parse-conversation.ts';

const said = z.string().max(2_000, 'a turn is at most 2,000 characters');

/**
 * One input line: a conversation's turns, in order. A string is the traveller's; `{"agent": "..."}` is what the agent
 * said in between (its question or offer), which the next turn may answer. One state comes out per traveller turn.
 */
const conversationSchema = z.object({
  turns: z.array(z.union([said, z.strictObject({ agent: said })])).max(200, 'at most 200 turns'),
});

/**
 * Answers one JSON line of the intent CLI: `{"states": [...]}` with the request after each turn, or
 * `{"error": "..."}` when the line is not a conversation. Never throws, so one bad line cannot stop a batch.
 */
export function answerLine(line: string, options: ParseOptions): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not valid JSON' });
  }
  const parsed = conversationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return JSON.stringify({
      error: `expected {"turns": [string or {"agent": string}, ...]}; ${where}${issue?.message ?? 'invalid'}`,
    });
  }
  try {
    return JSON.stringify({ states: parseConversation(parsed.data.turns, options) });
  } catch (error) {
    return JSON.stringify({
      error: `could not read the conversation: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
