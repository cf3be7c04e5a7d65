import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ENTRY_POINTS, REPO_ROOT } from '../../scripts/stack/processes.ts';

async function runWithEnv(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [join(REPO_ROOT, entry)], { env: { PATH: process.env.PATH, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('starting a process with bad configuration', () => {
  test.each(Object.entries(ENTRY_POINTS))(
    'When %s starts with PORT=abc, then it exits non-zero with one line naming PORT',
    async (_name, entry) => {
      const { code, stderr } = await runWithEnv(entry, { PORT: 'abc' });
      expect(code).toBe(78);
      expect(stderr.trim().split('\n')).toEqual([
        'Invalid configuration: PORT: expected a port number from 0 to 65535',
      ]);
    },
  );

  test('When several variables are wrong, then the one line names each', async () => {
    const { code, stderr } = await runWithEnv(ENTRY_POINTS.booking, {
      PORT: '99999',
      REDIS_URL: 'nope',
      LOG_LEVEL: 'chatty',
    });
    expect(code).toBe(78);
    const [line, ...more] = stderr.trim().split('\n');
    expect(more).toEqual([]);
    for (const name of ['PORT: ', 'REDIS_URL: Invalid URL', 'LOG_LEVEL: ']) expect(line).toContain(name);
  });
});
