import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generatedFiles } from '../src/generated-files.ts';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

const GENERATED_FOLDERS = ['monitoring/prometheus', 'monitoring/alertmanager', 'monitoring/grafana'];

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(join(REPO_ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

describe('the generated files of monitoring/', () => {
  test('When the generator runs again, then every committed file is what it writes (run `npm run monitor -- generate` after changing monitoring/src)', async () => {
    const files = await generatedFiles();
    for (const [path, text] of Object.entries(files)) {
      const committed = await readFile(join(REPO_ROOT, path), 'utf8').catch(() => '(missing)');
      expect(committed, `${path} is out of date`).toBe(text);
    }
  });

  test('When the generated folders are listed, then nothing is there that the generator no longer writes', async () => {
    const files = new Set(Object.keys(await generatedFiles()));
    const present = (await Promise.all(GENERATED_FOLDERS.map(filesUnder))).flat();
    expect(present.filter((path) => !files.has(path))).toEqual([]);
  });
});
