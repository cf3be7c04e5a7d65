import type { Writable } from 'node:stream';
import winston from 'winston';
import { currentRequestContext } from './request-context.ts';
import { REDACTED, isSecretKey, redact } from './redact.ts';

export type Logger = winston.Logger;

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where JSON lines go; stdout unless a test captures them. */
  stream?: Writable;
}

// winston keeps level and message under Symbol keys too; only the enumerable fields are redacted.
const addRequestContext = winston.format((info) => {
  const context = currentRequestContext();
  if (context) {
    info.requestId ??= context.requestId;
    if (context.traceId) info.traceId ??= context.traceId;
    if (context.spanId) info.spanId ??= context.spanId;
    if (context.userId) info.userId ??= context.userId;
  }
  return info;
});

const redactSecrets = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level') continue;
    info[key] = isSecretKey(key) ? REDACTED : redact(info[key]);
  }
  return info;
});

/** JSON lines with `service`, `requestId` and `traceId` (inside a request) and secrets masked. */
export function createLogger(options: LoggerOptions): Logger {
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new winston.transports.Console();
  return winston.createLogger({
    level: options.level ?? 'info',
    defaultMeta: { service: options.service },
    format: winston.format.combine(
      winston.format.timestamp(),
      winston.format.errors({ stack: true }),
      addRequestContext(),
      redactSecrets(),
      winston.format.json(),
    ),
    transports: [transport],
  });
}
