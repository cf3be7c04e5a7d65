import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

function git(...args: string[]): string {
  return spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
}

export const commitSha = (): string => git('rev-parse', 'HEAD');

/** The tag images get by default: the commit (12 characters), with -dirty when the work tree has changes. */
export function defaultTag(): string {
  const dirty = git('status', '--porcelain').length > 0;
  return `${git('rev-parse', '--short=12', 'HEAD')}${dirty ? '-dirty' : ''}`;
}
