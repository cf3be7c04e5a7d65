import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isKnownTimeZone } from '../domain/intent/calendar.rules.ts';
import { answerLine } from './intent-line.handler.ts';

/*
 * The concierge's intent parser on the command line:
 *   npm run -s intent -w services/ai-agent -- --now 2019-03-01T12:00:00Z [--tz America/New_York]
 * reads JSON lines {"turns": ["first user message", ...]} on stdin and writes one line per input on stdout:
 * {"states": [request after turn 1, ...]}, or {"error": "..."} for a line it cannot read.
 */
const { values } = parseArgs({
  options: { now: { type: 'string' }, tz: { type: 'string', default: 'UTC' } },
  strict: true,
});

const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) {
  process.stderr.write(`--now must be an ISO date-time such as 2019-03-01T12:00:00Z, not "${values.now}"\n`);
  process.exitCode = 2;
} else if (!isKnownTimeZone(values.tz)) {
  process.stderr.write(`--tz must be an IANA time zone such as Europe/Paris, not "${values.tz}"\n`);
  process.exitCode = 2;
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') {
      process.stdout.write(`${answerLine(line, { now, timeZone: values.tz })}\n`);
    }
  }
}
