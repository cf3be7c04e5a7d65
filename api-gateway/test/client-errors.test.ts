import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen, type TestServer } from '@tripwise/platform/testing';
import { givenAGateway, type RunningGateway } from './given-a-gateway.ts';

// A stand-in for Sentry's ingestion: it records the envelopes the gateway passes on from the browser apps.
let ingest: TestServer;
const received: { url: string; body: string }[] = [];
let withSentry: RunningGateway;
let without: RunningGateway;
let dsn: string;

const envelope = (forDsn: string, message: string) =>
  `${JSON.stringify({ dsn: forDsn, sent_at: new Date().toISOString() })}\n{"type":"event"}\n${JSON.stringify({ message })}\n`;

beforeAll(async () => {
  ingest = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('{}');
    });
  });
  dsn = `http://publickey@127.0.0.1:${ingest.port}/7`;
  withSentry = await givenAGateway({}, { browserErrors: { dsn, environment: 'staging', release: 'tripwise@abc' } });
  without = await givenAGateway();
});
afterAll(async () => {
  await withSentry.close();
  await without.close();
  await ingest.close();
});

describe('error reporting for the browser apps', () => {
  test('When the deployment has a DSN, then /client-config.json names it, its environment and release, and the tunnel', async () => {
    const res = await fetch(`${withSentry.url}/client-config.json`);
    expect(await res.json()).toEqual({
      sentry: { dsn, environment: 'staging', release: 'tripwise@abc', tunnel: '/client-errors' },
    });
  });

  test('When it has none, then the config says so and the tunnel does not exist', async () => {
    expect(await (await fetch(`${without.url}/client-config.json`)).json()).toEqual({ sentry: null });
    const res = await fetch(`${without.url}/client-errors`, { method: 'POST', body: envelope(dsn, 'x') });
    expect(res.status).toBe(404);
  });

  test("When a browser sends an envelope for this deployment's DSN, then it reaches Sentry's envelope endpoint as sent", async () => {
    const body = envelope(dsn, 'the web client broke');
    const res = await fetch(`${withSentry.url}/client-errors`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body,
    });
    expect(res.status).toBe(200);
    expect(received.at(-1)).toEqual({ url: '/api/7/envelope/', body });
  });

  test('When an envelope names another DSN, then it is refused and nothing is passed on', async () => {
    const before = received.length;
    const res = await fetch(`${withSentry.url}/client-errors`, {
      method: 'POST',
      body: envelope('https://key@sentry.example/1', 'relay me'),
    });
    expect(res.status).toBe(400);
    expect(received.length).toBe(before);
  });
});
