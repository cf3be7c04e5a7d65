import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in LLM received. */
export interface LlmCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** How the stand-in answers a call: a status, headers and a JSON body, or never. */
export type LlmReply = { status?: number; headers?: Record<string, string>; body: unknown } | 'never';

/** A chat-completions answer whose message is `content` (objects are sent as their JSON text). */
export function completion(content: unknown): LlmReply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_715_785_200,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/** The answer of a model that declines (OpenAI's `refusal` field). */
export function refusal(text: string): LlmReply {
  return {
    body: {
      choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: text }, finish_reason: 'stop' }],
    },
  };
}

/** An OpenAI-style error. */
export function failure(status: number, headers: Record<string, string> = {}, message = `failure ${status}`): LlmReply {
  return { status, headers, body: { error: { message, type: 'server_error' } } };
}

/**
 * A local server that speaks the OpenAI chat-completions protocol: it records every call and answers each with
 * `reply(call)` (`'never'` holds the call open until the server closes).
 */
export async function givenAnLlmServer(reply: (call: LlmCall) => LlmReply) {
  const calls: LlmCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const call: LlmCall = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : null,
      };
      calls.push(call);
      const answer = reply(call);
      if (answer === 'never') return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
