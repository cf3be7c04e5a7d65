import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** One JSON log line of one process, as the stack wrote it to `<logDir>/<process>.log`. */
export interface LogLine {
  process: string;
  timestamp: string;
  level: string;
  message: string;
  requestId?: string;
  traceId?: string;
  fields: Record<string, unknown>;
}

function parse(process: string, text: string): LogLine | undefined {
  if (!text.startsWith('{')) return undefined; // a crash's stack trace, not a log line
  try {
    const fields = JSON.parse(text) as Record<string, unknown>;
    const str = (key: string) => {
      const value = fields[key];
      return typeof value === 'string' ? value : undefined;
    };
    return {
      process,
      timestamp: str('timestamp') ?? '',
      level: str('level') ?? '',
      message: str('message') ?? '',
      ...(str('requestId') ? { requestId: str('requestId')! } : {}),
      ...(str('traceId') ? { traceId: str('traceId')! } : {}),
      fields,
    };
  } catch {
    return undefined;
  }
}

/** Every log line in the folder, by process. */
export async function readLogDir(logDir: string): Promise<LogLine[]> {
  const files = (await readdir(logDir)).filter((f) => f.endsWith('.log'));
  const lines: LogLine[] = [];
  for (const file of files) {
    const process = basename(file, '.log');
    for (const text of (await readFile(join(logDir, file), 'utf8')).split('\n')) {
      const line = parse(process, text);
      if (line) lines.push(line);
    }
  }
  return lines;
}

/**
 * The lines of one request across every process, oldest first: those with the id as request id or trace id, and
 * then every line of the traces those belong to (a job the request started, a call the service made with its own
 * request id).
 */
export function linesOfRequest(lines: readonly LogLine[], id: string): LogLine[] {
  const traces = new Set(lines.filter((l) => l.requestId === id || l.traceId === id).flatMap((l) => l.traceId ?? []));
  return lines
    .filter((l) => l.requestId === id || l.traceId === id || (l.traceId !== undefined && traces.has(l.traceId)))
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

const SHOWN = ['method', 'route', 'status', 'durationMs', 'err'];

/** One line for a person: time, process, level, message and the fields that say what happened. */
export function formatLine(line: LogLine): string {
  const extra = SHOWN.filter((key) => line.fields[key] !== undefined)
    .map(
      (key) => `${key}=${typeof line.fields[key] === 'string' ? line.fields[key] : JSON.stringify(line.fields[key])}`,
    )
    .join(' ');
  return `${line.timestamp}  ${line.process.padEnd(11)} ${line.level.padEnd(5)} ${line.message}${extra ? `  ${extra}` : ''}`;
}
