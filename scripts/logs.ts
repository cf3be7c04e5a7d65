import { join } from 'node:path';
import { stackConfig } from './stack/config.ts';
import { formatLine, linesOfRequest, readLogDir } from './stack/request-logs.ts';

// `npm run logs -- <request id or trace id>`: that request's lines from every process of the stack `npm start`
// runs (DATA_DIR/logs/<process>.log), in time order. The request id is every response's X-Request-Id header; the
// trace id its X-Trace-Id (and a job's events' traceId).
const id = process.argv[2];
if (!id || !/^[A-Za-z0-9._:-]{8,128}$/.test(id)) {
  process.stderr.write('usage: npm run logs -- <request id or trace id> (from X-Request-Id or X-Trace-Id)\n');
  process.exit(2);
}
const logDir = join(stackConfig.DATA_DIR, 'logs');
const lines = await readLogDir(logDir).catch(() => {
  process.stderr.write(`logs: no logs in ${logDir}; they are written while \`npm start\` runs.\n`);
  process.exit(1);
});
const found = linesOfRequest(lines, id);
if (found.length === 0) {
  process.stderr.write(`logs: no line mentions ${id} in ${logDir} (LOG_LEVEL=http adds a line per request).\n`);
  process.exit(1);
}
for (const line of found) process.stdout.write(`${formatLine(line)}\n`);
