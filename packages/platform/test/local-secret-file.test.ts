import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const moduleUrl = new URL('../src/config/local-secret-file.ts', import.meta.url).href;

// Every process of `npm start` reads or creates the same secrets on a fresh data folder at the same moment.
describe('a secret generated on first start', () => {
  // The window between creating a file and writing it is short: several rounds make a regression show.
  test.each([1, 2, 3, 4, 5])(
    'When many processes ask for it at once on a fresh folder (round %i), then they all get the same whole secret and no draft is left',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'tw-secret-'));
      try {
        const path = join(dir, 'internal', 'service-token');
        const script = `const { readOrCreateSecretFile } = await import(${JSON.stringify(moduleUrl)});
        const all = await Promise.all(Array.from({ length: 50 }, () => readOrCreateSecretFile(${JSON.stringify(path)}, 32)));
        console.log(all.map((b) => b.toString('base64')).join('\\n'));`;
        const outputs = await Promise.all(
          Array.from({ length: 8 }, () =>
            run(process.execPath, ['--input-type=module', '-e', script], {
              cwd: fileURLToPath(new URL('..', import.meta.url)),
            }),
          ),
        );
        const secrets = outputs.flatMap(({ stdout }) => stdout.trim().split('\n'));
        expect(secrets).toHaveLength(400);
        expect(new Set(secrets).size).toBe(1);
        expect(Buffer.from(secrets[0]!, 'base64')).toHaveLength(32);
        expect(await readdir(join(dir, 'internal'))).toEqual(['service-token']);
        expect((await stat(path)).mode & 0o777).toBe(0o600);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
