import { describe, expect, test } from 'vitest';
import { upstreamTargets } from '../src/proxy/upstream-targets.ts';
import { givenAGateway, startEchoUpstream } from './given-a-gateway.ts';

// A service scaled out (compose, Kubernetes): the gateway is given every instance's address and spreads the work.
describe('several instances of a service behind the gateway', () => {
  test('When a service has two instances, then requests go to each in turn', async () => {
    const [a, b] = await Promise.all([startEchoUpstream('search-a'), startEchoUpstream('search-b')]);
    const gateway = await givenAGateway({ SEARCH_URL: [a.url, b.url] });
    const answeredBy = [];
    for (let i = 0; i < 4; i++) answeredBy.push((await fetch(`${gateway.url}/api/search/x`)).headers.get('x-upstream'));
    expect(answeredBy).toEqual(['search-a', 'search-b', 'search-a', 'search-b']);
    await Promise.all([a.close(), b.close(), gateway.close()]);
  });

  test('When one instance goes away, then every request is answered by the other, without an error', async () => {
    const [a, b] = await Promise.all([startEchoUpstream('search-a'), startEchoUpstream('search-b')]);
    const gateway = await givenAGateway({ SEARCH_URL: [a.url, b.url], BREAKER_FAILURE_THRESHOLD: 2 });
    await a.close();
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${gateway.url}/api/search/x`);
      answers.push(`${res.status} ${res.headers.get('x-upstream')}`);
    }
    expect(answers).toEqual(Array.from({ length: 6 }, () => '200 search-b'));
    await Promise.all([b.close(), gateway.close()]);
  });

  test('When an instance failed, then it is passed over for a while, and taken again once the while is over', () => {
    let now = 0;
    const targets = upstreamTargets(['http://a', 'http://b', 'http://c'], { downMs: 1_000, now: () => now });
    targets.failed('http://b');
    expect([targets.pick(), targets.pick(), targets.pick()]).toEqual(['http://a', 'http://c', 'http://a']);
    now = 1_000;
    expect([targets.pick(), targets.pick()]).toEqual(['http://b', 'http://c']);
  });

  test('When the only instance failed, then it is still used (there is nothing else to try)', () => {
    const targets = upstreamTargets(['http://a']);
    targets.failed('http://a');
    expect(targets.pick()).toBe('http://a');
  });
});
