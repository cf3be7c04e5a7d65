import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createService } from '@tripwise/platform/http';
import { captureLogs, listen, startOtlpReceiver, type OtlpReceiver, type TestServer } from '@tripwise/platform/testing';
import { initTracing, propagationHeaders, type Tracing } from '@tripwise/platform/tracing';

// Two services, as booking and search: the first answers a request by calling the second with the propagation
// headers, and says what traceparent the second passes on (its own span, in the caller's trace).
const front = captureLogs('front');
const back = captureLogs('back');
let frontServer: TestServer;
let backServer: TestServer;

beforeAll(async () => {
  const backService = createService({
    name: 'back',
    logger: back.logger,
    routes: (app) => {
      app.get('/internal/echo', (req, res) => {
        back.logger.info('echoing');
        res.json({ traceparent: req.headers.traceparent, requestId: req.headers['x-request-id'] });
      });
    },
  });
  backServer = await listen(backService.app);
  const frontService = createService({
    name: 'front',
    logger: front.logger,
    routes: (app) => {
      app.get('/api/things/:id', async (_req, res) => {
        front.logger.info('looking the thing up');
        const echoed = await fetch(`${backServer.url}/internal/echo`, { headers: propagationHeaders() });
        res.json(await echoed.json());
      });
    },
  });
  frontServer = await listen(frontService.app);
});

afterAll(async () => {
  await frontServer.close();
  await backServer.close();
});

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

async function callWith(headers: Record<string, string>) {
  const res = await fetch(`${frontServer.url}/api/things/42`, { headers });
  return { res, body: (await res.json()) as { traceparent: string; requestId: string } };
}

const linesOf = (logs: ReturnType<typeof captureLogs>, requestId: string) =>
  logs.lines().filter((line) => line.requestId === requestId);

describe('W3C trace context: one request followed across services', () => {
  test('When a request comes with a traceparent, then both services log its trace id, each under a span of its own', async () => {
    const { res, body } = await callWith({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    const requestId = res.headers.get('x-request-id')!;
    expect(res.headers.get('x-trace-id')).toBe(CALLER_TRACE);
    const [, traceId, backSpan, flags] = body.traceparent.split('-');
    expect(traceId).toBe(CALLER_TRACE);
    expect(backSpan).toMatch(/^[0-9a-f]{16}$/);
    expect(flags).toBe('01');
    expect(body.requestId).toBe(requestId);
    const frontLines = linesOf(front, requestId);
    const backLines = linesOf(back, requestId);
    expect(frontLines.map((l) => l.message)).toContain('looking the thing up');
    expect(backLines.map((l) => l.message)).toContain('echoing');
    for (const line of [...frontLines, ...backLines]) expect(line.traceId, String(line.message)).toBe(CALLER_TRACE);
    expect(backLines[0]!.spanId).toBe(backSpan);
    expect(new Set([CALLER_SPAN, frontLines[0]!.spanId, backSpan]).size).toBe(3);
  });

  test.each([
    ['no traceparent', {}],
    ['a malformed one', { traceparent: 'not-a-trace' }],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01` }],
  ])('When a request comes with %s, then a new trace is started and still propagated', async (_name, headers) => {
    const { res, body } = await callWith(headers);
    const traceId = res.headers.get('x-trace-id')!;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toMatch(/^0+$/);
    expect(body.traceparent.split('-')[1]).toBe(traceId);
    for (const line of linesOf(back, res.headers.get('x-request-id')!)) expect(line.traceId).toBe(traceId);
  });
});

describe('OpenTelemetry export (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let receiver: OtlpReceiver;
  let tracing: Tracing | undefined;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = await initTracing({ endpoint: receiver.url, service: 'front', environment: 'test' });
  });
  afterAll(async () => {
    await tracing?.shutdown();
    await receiver.close();
  });

  test('When no endpoint is set, then tracing is not started (and the SDK not loaded)', async () => {
    expect(await initTracing({ endpoint: undefined, service: 'front', environment: 'test' })).toBeUndefined();
  });

  test('When an endpoint is set, then each request is exported as a server span of the caller’s trace, named by its route', async () => {
    const { res, body } = await callWith({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(res.status).toBe(200);
    await tracing!.flush();
    const spans = receiver.spans().filter((s) => s.traceId === CALLER_TRACE);
    const frontSpan = spans.find((s) => s.name === 'GET /api/things/:id');
    expect(frontSpan).toMatchObject({
      traceId: CALLER_TRACE,
      parentSpanId: CALLER_SPAN,
      kind: 2, // SERVER
      attributes: { 'http.route': '/api/things/:id', 'http.response.status_code': 200 },
    });
    // The call to the second service named the first one's span as its parent: one connected trace.
    const backSpan = spans.find((s) => s.name === 'GET /internal/echo');
    expect(backSpan?.parentSpanId).toBe(frontSpan!.spanId);
    expect(body.traceparent.split('-')[2]).toBe(backSpan!.spanId);
  });
});
