// docs/gateway.md "Failover semantics": one test per row of the table. Each row: what the client
// gets, which endpoint answered, and the call outcome the router was told (read from --record).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blackhole, chat, fakes, recordedCalls, sleep, startGateway, twoEndpoints } from './harness.mjs';

// One request through primary (behaving as `behaviour`) and secondary; returns the response and
// the recorded calls. No probes: only this request's calls reach the router.
async function row(behaviour, { stream = false, primaryUrl, extra = {} } = {}) {
  const [a, b] = await fakes('primary', 'secondary');
  a.behaviour = behaviour;
  const config = twoEndpoints(a, b, { probe: undefined, throttle: {}, ...extra });
  if (primaryUrl) config.endpoints[0].url = primaryUrl;
  const gw = await startGateway(config, { record: true });
  const started = Date.now();
  const res = await chat(gw, {}, stream);
  const ms = Date.now() - started;
  await gw.stop();
  await a.kill(); await b.kill();
  return { res, ms, calls: recordedCalls(gw), a, b };
}

const brief = (calls) => calls.map((c) => [c.endpoint, c.status, c.retry_after_s]);

describe('failover semantics (docs/gateway.md)', () => {
  it('200: served, success reported, no other endpoint tried', async () => {
    const { res, calls, b } = await row({});
    assert.equal(res.status, 200);
    assert.equal(res.endpoint, 'primary');
    assert.deepEqual(brief(calls), [['primary', 200, undefined]]);
    assert.equal(b.calls.length, 0);
  });

  it('4xx (400): passed to the client as is, a success for the router, no retry', async () => {
    const { res, calls } = await row({ status: 400 });
    assert.equal(res.status, 400);
    assert.equal(res.endpoint, 'primary');
    assert.deepEqual(brief(calls), [['primary', 400, undefined]]);
  });

  it('408: a failure, retried on the next endpoint', async () => {
    const { res, calls } = await row({ status: 408 });
    assert.equal(res.status, 200);
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 408, undefined], ['secondary', 200, undefined]]);
  });

  it('429 with Retry-After: throttled, cooldown for Retry-After seconds, retried elsewhere', async () => {
    const { res, calls } = await row({ status: 429, headers: { 'retry-after': '7' } });
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 429, 7], ['secondary', 200, undefined]]);
  });

  it('429 with retry-after-ms: the milliseconds win over Retry-After', async () => {
    const { res, calls } = await row({ status: 429, headers: { 'retry-after': '7', 'retry-after-ms': '1500' } });
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 429, 1.5], ['secondary', 200, undefined]]);
  });

  it('429 without Retry-After: throttled with no duration (the router uses default_cooldown_s)', async () => {
    const { res, calls } = await row({ status: 429 });
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 429, undefined], ['secondary', 200, undefined]]);
  });

  it('429 on every endpoint: the last 429 reaches the client with its Retry-After', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    a.behaviour = { status: 429, headers: { 'retry-after': '3' } };
    b.behaviour = { status: 429, headers: { 'retry-after': '4' } };
    const gw = await startGateway(twoEndpoints(a, b, { probe: undefined, throttle: {} }));
    const res = await chat(gw);
    await gw.stop(); await a.kill(); await b.kill();
    // max_attempts 3: primary, secondary, then (both tried and cooling: spread starts over) primary.
    assert.equal(res.status, 429);
    assert.equal(res.endpoint, 'primary');
    assert.equal(res.headers.get('retry-after'), '3');
    assert.deepEqual([a.calls.length, b.calls.length], [2, 1]);
  });

  it('5xx: a failure, retried on the next endpoint', async () => {
    const { res, calls } = await row({ status: 503 });
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 503, undefined], ['secondary', 200, undefined]]);
  });

  it('connect refused: status 0 (a failure), retried at once', async () => {
    const { res, calls, ms } = await row({}, { primaryUrl: 'http://127.0.0.1:1' });
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 0, undefined], ['secondary', 200, undefined]]);
    assert.ok(ms < 300, `${ms} ms`);
  });

  it('connect timeout: status 0 after gateway.connect_timeout_ms, retried', async () => {
    const hole = await blackhole();
    const { res, calls } = await row({}, { primaryUrl: hole.url });
    hole.release();
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 0, undefined], ['secondary', 200, undefined]]);
    // connect_timeout_ms is 300 (twoEndpoints): the failed attempt took about that long.
    assert.ok(calls[0].latency_ms >= 290 && calls[0].latency_ms < 600, `${calls[0].latency_ms} ms`);
  });

  it('read timeout before the first byte: status 0 after first_byte_timeout_ms, retried', async () => {
    const { res, calls } = await row({ hang: true });
    assert.equal(res.endpoint, 'secondary');
    assert.deepEqual(brief(calls), [['primary', 0, undefined], ['secondary', 200, undefined]]);
    assert.ok(calls[0].latency_ms >= 990 && calls[0].latency_ms < 1300, `${calls[0].latency_ms} ms`);
  });

  it('stream cut after the first byte: no failover, an SSE error event ends the stream, a failure reported', async () => {
    const { res, calls, b } = await row({ cutAfter: 1 }, { stream: true });
    assert.equal(res.status, 200);
    assert.equal(res.endpoint, 'primary');
    assert.match(res.text, /^data: \{"id":"chunk-primary"/);
    assert.match(res.text, /event: error\ndata: \{"error":\{"message":"upstream primary failed mid-stream/);
    assert.deepEqual(brief(calls), [['primary', 0, undefined]]);
    assert.equal(b.calls.length, 0);
  });

  it('slow first byte within the timeout: served, reported with its latency (a slow call for the breaker)', async () => {
    const { res, calls } = await row({ firstByteMs: 400 });
    assert.equal(res.endpoint, 'primary');
    assert.deepEqual(brief(calls), [['primary', 200, undefined]]);
    assert.ok(calls[0].latency_ms >= 400 && calls[0].latency_ms < 700, `${calls[0].latency_ms} ms`);
  });

  it('no endpoint may serve: 503 JSON saying why, at once', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    const gw = await startGateway({ ...twoEndpoints(a, b), selection: { when_none_healthy: 'fail' } });
    await a.kill(); await b.kill();
    await sleep(700);  // two refused probes each: both unhealthy
    const started = Date.now();
    const res = await chat(gw);
    const elapsed = Date.now() - started;
    await gw.stop();
    // At once: well under the 2 x 300 ms a gateway trying both endpoints' connects would take
    // (a loaded CI machine adds scheduling delay, so not a tighter bound).
    assert.ok(elapsed < 500, `${elapsed} ms`);
    assert.equal(res.status, 503);
    assert.equal(res.endpoint, 'none');
    assert.equal(res.json.error.reason, 'no available endpoint and when_none_healthy is fail');
    assert.deepEqual(res.json.error.endpoints.map((e) => [e.name, e.probe_healthy]), [['primary', false], ['secondary', false]]);
  });
});
