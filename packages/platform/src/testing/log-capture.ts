import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger/index.ts';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A real winston logger (same formats as production) whose JSON lines a test can read back. */
export function captureLogs(service = 'test', level = 'debug'): CapturedLogs {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ service, level, stream });
  return {
    logger,
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
