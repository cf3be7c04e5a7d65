/**
 * A YAML writer for the plain data Prometheus, Alertmanager and Grafana read: maps, lists, strings, numbers and
 * booleans. Strings that could be read as anything else (a number, a boolean, a date, a flow symbol) are quoted the
 * JSON way, which YAML accepts as a double-quoted scalar; multi-line strings (PromQL) become literal blocks.
 * Everything written here is read back by promtool or amtool in the tests, so a writer mistake cannot go unseen.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue | undefined };

const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./:@$ -]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
/** Prometheus durations (5m, 30s, 1h) read as strings in YAML, so they need no quotes. */
const DURATION = /^\d+(ms|s|m|h|d|w|y)$/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (DURATION.test(value)) return value;
  const safe = PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(': ');
  return safe ? value : JSON.stringify(value);
}

function isBlock(value: unknown): value is string {
  return typeof value === 'string' && value.includes('\n');
}

function literal(text: string, indent: string): string {
  const lines = text.replace(/\n+$/, '').split('\n');
  if (/^\s/.test(lines[0] ?? '')) throw new Error(`a multi-line YAML string may not start with a space: ${text}`);
  return `|-\n${lines.map((line) => (line ? `${indent}${line}` : '')).join('\n')}`;
}

function isEmptyCollection(value: YamlValue): boolean {
  return (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);
}

function isMap(value: YamlValue | undefined): value is { [key: string]: YamlValue | undefined } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(map: { [key: string]: YamlValue | undefined }): [string, YamlValue][] {
  return Object.entries(map).filter((entry): entry is [string, YamlValue] => entry[1] !== undefined);
}

function node(value: YamlValue, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value
      .map((item) => {
        if (isMap(item) && !isEmptyCollection(item)) {
          const body = node(item, `${indent}  `);
          return `${indent}- ${body.slice(indent.length + 2)}`;
        }
        // A list inside a list (rare: Grafana thresholds) is written in flow style, which is JSON.
        if (Array.isArray(item)) return `${indent}- ${JSON.stringify(item)}`;
        return `${indent}- ${inline(item, `${indent}  `)}`;
      })
      .join('\n');
  }
  if (isMap(value)) {
    const pairs = entries(value);
    if (pairs.length === 0) return '{}';
    return pairs
      .map(([key, item]) => {
        const name = scalar(key);
        if ((Array.isArray(item) || isMap(item)) && !isEmptyCollection(item)) {
          return `${indent}${name}:\n${node(item, `${indent}  `)}`;
        }
        return `${indent}${name}: ${inline(item, `${indent}  `)}`;
      })
      .join('\n');
  }
  return `${indent}${inline(value, indent)}`;
}

function inline(value: YamlValue, indent: string): string {
  if (Array.isArray(value) || isMap(value)) {
    if (isEmptyCollection(value)) return Array.isArray(value) ? '[]' : '{}';
    throw new Error('nested collections are written as blocks');
  }
  return isBlock(value) ? literal(value, indent) : scalar(value);
}

/** One YAML document, with an optional comment block on top (each line prefixed with `# `). */
export function toYaml(value: YamlValue, header?: string): string {
  const comment = header
    ? `${header
        .split('\n')
        .map((line) => (line ? `# ${line}` : '#'))
        .join('\n')}\n`
    : '';
  return `${comment}${node(value, '')}\n`;
}
