export { createLogger, type Logger, type LoggerOptions } from './logger.ts';
export { REDACTED, redact, redactString, isSecretKey } from './redact.ts';
export { currentRequestContext, runWithRequestContext, type RequestContext } from './request-context.ts';
