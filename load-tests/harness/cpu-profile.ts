import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes on exit) a self-time summary needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `name (file:line)`, the file relative to the repository (or to node_modules, for dependencies). */
  where: string;
  selfMs: number;
  /** Share of the time the process was busy (idle excluded). */
  percent: number;
}

/** Where a function lives, short enough for one line: a path inside the repo or `pkg/file` of a dependency. */
function shortUrl(url: string, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) return path.slice(inModules + '/node_modules/'.length);
  return path.startsWith(root) ? relative(root, path) : path;
}

/**
 * Self time per function over a whole profile (every sample charged to the function on top of the stack), summed
 * over the places a function appears in the call tree, largest first. Idle time is left out of the shares, so they
 * read as "of the CPU the process used". `skipFirstMs` leaves out the start of the profile (the process's start-up).
 */
export function selfTimes(
  profile: CpuProfile,
  root: string,
  options: { skipFirstMs?: number } = {},
): { busyMs: number; top: SelfTime[] } {
  const skipUs = (options.skipFirstMs ?? 0) * 1000;
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  let busyUs = 0;
  let elapsedUs = 0;
  profile.samples.forEach((nodeId, i) => {
    const frame = frameOf.get(nodeId);
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedUs += delta;
    if (elapsedUs < skipUs || !frame || frame.functionName === '(idle)') return;
    busyUs += delta;
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${name} (${shortUrl(frame.url, root)}:${frame.lineNumber + 1})` : name;
    byFunction.set(where, (byFunction.get(where) ?? 0) + delta);
  });
  const top = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .map(([where, us]) => ({ where, selfMs: us / 1000, percent: busyUs > 0 ? (us / busyUs) * 100 : 0 }));
  return { busyMs: busyUs / 1000, top };
}

/** Reads the one `.cpuprofile` a process wrote into `dir` (`--cpu-prof-dir`). */
export async function readCpuProfile(dir: string): Promise<CpuProfile> {
  const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
}

/** The summary as printed lines: the `count` functions with the most self time. */
export function formatSelfTimes(summary: { busyMs: number; top: SelfTime[] }, count = 10): string {
  const lines = summary.top
    .slice(0, count)
    .map(
      (f, i) =>
        `${String(i + 1).padStart(3)}. ${f.percent.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.where}`,
    );
  return `${lines.join('\n')}\n     (of ${summary.busyMs.toFixed(0)} ms busy)\n`;
}
