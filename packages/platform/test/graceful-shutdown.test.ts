import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/slow-service.ts', import.meta.url));

async function startSlowService() {
  const child = fork(fixture, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { child, url: `http://127.0.0.1:${message.port}`, output };
}

describe('startService: graceful shutdown', () => {
  test('When SIGTERM arrives mid-request, then the request completes, new connections are refused, closers run, exit 0', async () => {
    const { child, url, output } = await startSlowService();
    const inFlight = fetch(`${url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the request is now being handled
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));

    await expect(fetch(`${url}/health`)).rejects.toThrow(); // no longer accepting
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ finished: true });
    const [code] = await exited;
    expect(code).toBe(0);
    const lines = output
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message: string });
    const messages = lines.map((l) => l.message);
    expect(messages).toEqual(
      expect.arrayContaining(['signal received', 'shutting down: draining requests', 'closer ran', 'stopped']),
    );
    expect(messages.indexOf('closer ran')).toBeGreaterThan(messages.indexOf('shutting down: draining requests'));
  });

  test('When the parent process goes away, then the service shuts itself down', async () => {
    const { child } = await startSlowService();
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.disconnect();
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
