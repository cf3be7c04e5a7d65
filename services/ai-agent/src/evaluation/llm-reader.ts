import type { IntentRequest } from '@tripwise/contracts';
import type { ConversationTurn, ParseOptions } from '../domain/intent/parse-conversation.ts';
import type { IntentLlm } from '../domain/intent/llm/intent-llm.ts';
import { understandTurn } from '../domain/intent/llm/understand-turn.ts';
import type { IntentReader } from './intent-score.rules.ts';

/** The configured LLM as a reader, turn after turn as the concierge uses it (the rules read what it gets wrong). */
export function llmReader(llm: IntentLlm, options: ParseOptions): IntentReader {
  return {
    single: async (utterance, start) => (await understandTurn(start ?? null, utterance, options, llm)).request,
    conversation: async (turns: readonly ConversationTurn[]) => {
      const states: IntentRequest[] = [];
      let state: IntentRequest | null = null;
      let agentSaid: string | null = null;
      for (const turn of turns) {
        if (typeof turn !== 'string') {
          agentSaid = turn.agent;
          continue;
        }
        state = (await understandTurn(state, turn, { ...options, agentSaid }, llm)).request;
        agentSaid = null;
        states.push(state);
      }
      return states;
    },
  };
}
