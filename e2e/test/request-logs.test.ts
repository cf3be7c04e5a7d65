import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLine, linesOfRequest, readLogDir } from '../../scripts/stack/request-logs.ts';

// Log files as the stack writes them (one per process, JSON lines, a crash's stack as plain text), for
// `npm run logs -- <id>`.
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const OTHER_TRACE = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
let dir: string;

const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 'http', message: 'request', ...fields });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tripwise-logs-'));
  await writeFile(
    join(dir, 'api-gateway.log'),
    [
      line({
        timestamp: '2026-12-07T10:00:00.900Z',
        requestId: 'req-booking-1',
        traceId: TRACE,
        route: 'proxy:booking',
      }),
      line({ timestamp: '2026-12-07T10:00:01.000Z', requestId: 'req-other-22', traceId: OTHER_TRACE }),
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'booking.log'),
    [
      line({
        timestamp: '2026-12-07T10:00:00.500Z',
        requestId: 'req-booking-1',
        traceId: TRACE,
        route: '/api/bookings/',
      }),
      'TypeError: something broke',
      '    at a stack frame',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'search.log'),
    [
      line({
        timestamp: '2026-12-07T10:00:00.200Z',
        requestId: 'req-booking-1',
        traceId: TRACE,
        route: '/internal/holds',
      }),
      // A job the request started, logged later under the same trace.
      line({ timestamp: '2026-12-07T10:00:05.000Z', level: 'info', message: 'hold expired', traceId: TRACE }),
    ].join('\n'),
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('npm run logs: one request across every process', () => {
  test('When asked for a request id, then its lines and its trace’s come from every process, oldest first', async () => {
    const found = linesOfRequest(await readLogDir(dir), 'req-booking-1');
    expect(found.map((l) => [l.process, l.timestamp])).toEqual([
      ['search', '2026-12-07T10:00:00.200Z'],
      ['booking', '2026-12-07T10:00:00.500Z'],
      ['api-gateway', '2026-12-07T10:00:00.900Z'],
      ['search', '2026-12-07T10:00:05.000Z'],
    ]);
  });

  test('When asked for the trace id, then the same lines come back', async () => {
    const lines = await readLogDir(dir);
    expect(linesOfRequest(lines, TRACE)).toEqual(linesOfRequest(lines, 'req-booking-1'));
  });

  test('When the id is unknown, then nothing comes back, and plain-text lines never match', async () => {
    const lines = await readLogDir(dir);
    expect(linesOfRequest(lines, 'req-nobody-0')).toEqual([]);
    expect(lines.every((l) => l.message !== 'TypeError: something broke')).toBe(true);
  });

  test('When a line is shown, then it reads time, process, level, message and what happened', async () => {
    const [first] = linesOfRequest(await readLogDir(dir), 'req-booking-1');
    expect(formatLine(first!)).toBe('2026-12-07T10:00:00.200Z  search      http  request  route=/internal/holds');
  });
});
