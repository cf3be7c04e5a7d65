const LEVELS = ['error', 'warn', 'info', 'http', 'debug'];

/**
 * The level the processes log at: at least `http` (a line per request, which the log files keep for `npm run logs`),
 * more when asked; the terminal still shows only what `shown` allows (`shownAt`).
 */
export function fileLogLevel(shown: string): string {
  return LEVELS.indexOf(shown) > LEVELS.indexOf('http') ? shown : 'http';
}

/** Whether a JSON log line is at or above the level shown at the terminal (other text always is). */
export function shownAt(line: string, shown: string): boolean {
  const level = /^\{.*?"level":"(\w+)"/.exec(line)?.[1];
  return level === undefined || LEVELS.indexOf(level) <= LEVELS.indexOf(shown);
}

const COLORS: Record<string, string> = { error: '31', warn: '33', info: '32', http: '36', debug: '90' };
const HIDDEN = new Set(['level', 'message', 'service', 'timestamp']);

/** Turns a service's JSON log line into one short, readable terminal line; other text passes through. */
export function prettyLine(name: string, line: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${name.padEnd(11)} ${line}`;
  }
  const level = typeof entry.level === 'string' ? entry.level : 'info';
  const time = typeof entry.timestamp === 'string' ? entry.timestamp.slice(11, 19) : '';
  const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key)));
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  const paint = (code: string | undefined, text: string) => (color && code ? `\x1b[${code}m${text}\x1b[0m` : text);
  return `${time} ${name.padEnd(11)} ${paint(COLORS[level], level.padEnd(5))} ${typeof entry.message === 'string' ? entry.message : JSON.stringify(entry.message)}${extra}`;
}
