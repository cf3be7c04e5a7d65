import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { monitorConfig } from '../config.ts';

/**
 * Prometheus's and Alertmanager's programs, as Debian's `prometheus` and `prometheus-alertmanager` packages install
 * them (Debian names the Alertmanager server prometheus-alertmanager; upstream's tarball names it alertmanager).
 */
const NAMES = {
  prometheus: ['prometheus'],
  promtool: ['promtool'],
  alertmanager: ['prometheus-alertmanager', 'alertmanager'],
  amtool: ['amtool'],
  blackbox: ['prometheus-blackbox-exporter', 'blackbox_exporter'],
} as const;

export type Tool = keyof typeof NAMES;

export const INSTALL_HINT =
  "install Debian's packages: apt-get install -y prometheus prometheus-alertmanager prometheus-blackbox-exporter (CI's .ci/run installs them)";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The tool's path, looked up on PATH and in /usr/bin, or undefined. */
export function findTool(tool: Tool, path = monitorConfig.PATH): string | undefined {
  const folders = [...path.split(delimiter).filter(Boolean), '/usr/bin', '/usr/sbin'];
  for (const name of NAMES[tool]) {
    for (const folder of folders) if (executable(join(folder, name))) return join(folder, name);
  }
  return undefined;
}

/** The tool's path; throws an error that says how to install it. */
export function requireTool(tool: Tool): string {
  const found = findTool(tool);
  if (!found) throw new Error(`${NAMES[tool].join(' or ')} was not found: ${INSTALL_HINT}`);
  return found;
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the tool to the end (never throws on a non-zero exit: the caller reads the code and the output). */
export function runTool(
  tool: Tool,
  args: string[],
  options: { cwd?: string; input?: string } = {},
): Promise<ToolResult> {
  const file = requireTool(tool);
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      if (code === null) reject(err ?? new Error(`${tool} did not run`));
      else resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
