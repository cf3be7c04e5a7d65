import type { IntentRequest } from '@tripwise/contracts';
import type { ConversationTurn, ParseOptions } from '../domain/intent/parse-conversation.ts';
import type { IntentLlm } from '../domain/intent/llm/intent-llm.ts';
import { understandTurn } from '../domain/intent/llm/understand-turn.ts';
import { hearAgent, heardNothing } from '../domain/intent/agent-turn.reader.ts';
import { readTurn } from '../domain/intent/parse-turn.ts';
import type { IntentReader } from './intent-score.rules.ts';

/** The configured LLM as a reader, turn after turn as the concierge uses it (the rules read what it gets wrong). */
export function llmReader(llm: IntentLlm, options: ParseOptions): IntentReader {
  return {
    single: async (utterance, start) => (await understandTurn(start ?? null, utterance, options, llm)).request,
    conversation: async (turns: readonly ConversationTurn[]) => {
      const states: IntentRequest[] = [];
      let state: IntentRequest | null = null;
      let heard = heardNothing();
      for (const turn of turns) {
        if (typeof turn !== 'string') {
          heard = hearAgent(heard, turn.agent, state, options);
          continue;
        }
        const understood = await understandTurn(state, turn, { ...options, heard }, llm);
        // The rules keep the conversation's memory (the option on offer, the place named last) either way.
        heard = readTurn(state, turn, options, heard).heard;
        state = understood.request;
        states.push(state);
      }
      return states;
    },
  };
}
