// The failover stories against the real gateway: outage and failback, 429 storm, residency.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chat, fakes, routerState, sleep, startGateway, twoEndpoints } from './harness.mjs';

// Sends one request every `gapMs` until `stop()`; keeps every result.
function traffic(gw, gapMs = 40) {
  const results = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t = Date.now();
      results.push({ t, ...(await chat(gw)) });
      await sleep(gapMs);
    }
  })();
  return { results, stop: async () => { running = false; await done; } };
}

const controllerLines = (gw) => gw.lines.filter((l) => l.includes('"controller"')).map((l) => JSON.parse(l));

describe('failover stories', () => {
  it('primary killed: traffic moves within the probe window, no request lost; back: failback after the hold-down', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    // Probes every 0.2 s, 1 good of the last 2 needed: the primary is unhealthy after 2 refused probes,
    // at most 2 x 0.2 s + 0.2 s of phase = 0.6 s after the kill. The controller fails over after
    // validate_for 0.4 s of bad results, checking every 0.2 s: at most 0.6 + 0.4 + 0.2 = 1.2 s.
    const gw = await startGateway(twoEndpoints(a, b, {
      failover: { validate_for_s: 0.4, failback_checks: 2, hold_down_s: 1.5, check_interval_s: 0.2 },
    }));
    const load = traffic(gw);
    await sleep(300);
    const killedAt = Date.now();
    await a.kill();
    await sleep(1200);
    const moved = await chat(gw);
    assert.equal(moved.endpoint, 'secondary');
    assert.equal((await routerState(gw)).controller.state, 'failed_over');
    await a.revive();
    const revivedAt = Date.now();
    await sleep(300);
    // Within the hold-down (1.5 s since failing over) traffic stays on the secondary.
    assert.equal((await chat(gw)).endpoint, 'secondary');
    const deadline = Date.now() + 3000;
    while ((await chat(gw)).endpoint !== 'primary' && Date.now() < deadline) await sleep(50);
    await load.stop();
    await gw.stop();
    await a.kill(); await b.kill();
    // Enough calls to span the kill and the failback (about 3 s at one call per 40 ms when
    // idle; a loaded machine sends fewer, which changes nothing below).
    assert.ok(load.results.length > 10, `${load.results.length} calls`);
    assert.deepEqual(load.results.filter((r) => r.status !== 200), [], 'no request lost');
    assert.ok(load.results.some((r) => r.t > killedAt && r.endpoint === 'secondary'));
    const states = controllerLines(gw).map((c) => c.controller);
    assert.deepEqual(states.slice(-4), ['suspect', 'failed_over', 'failing_back', 'normal']);
    const over = controllerLines(gw).find((c) => c.controller === 'failed_over').t_ms;
    const back = controllerLines(gw).find((c) => c.controller === 'failing_back').t_ms;
    assert.ok(back - over >= 1500, `failback ${back - over} ms after failover`);
    assert.ok(revivedAt - killedAt > 0);
  });

  it('429 storm with Retry-After: cooldown, no breaker trip, traffic back after the cooldown', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    const gw = await startGateway(twoEndpoints(a, b, {
      probe: undefined,
      breaker: { window_size: 4, minimum_calls: 4, failure_rate_threshold: 50, open_wait_s: 30 },
      throttle: { honor_retry_after: true, default_cooldown_s: 5 },
    }));
    a.behaviour = { status: 429, headers: { 'retry-after-ms': '800' } };
    const results = [];
    for (let i = 0; i < 10; i += 1) results.push(await chat(gw));
    // Request 1: primary 429 (cooldown 0.8 s starts), retried on the secondary; requests 2-10 skip the primary.
    assert.deepEqual(results.map((r) => [r.status, r.endpoint]), Array(10).fill([200, 'secondary']));
    assert.equal(a.calls.length, 1);
    const state = await routerState(gw);
    assert.equal(state.by.primary.cooling_down, true);
    assert.equal(state.by.primary.breaker, 'closed');
    a.behaviour = {};
    await sleep(900);
    assert.equal((await chat(gw)).endpoint, 'primary');
    await gw.stop();
    await a.kill(); await b.kill();
    const primaryStates = gw.lines.filter((l) => l.includes('"endpoint":"primary", "state"')).map((l) => JSON.parse(l).state);
    assert.deepEqual(primaryStates, ['cooldown', 'cooldown_end']);
  });

  it('an EU request is never served by a US upstream, even with every EU endpoint down', async () => {
    const [eu, us] = await fakes('eu', 'us');
    const gw = await startGateway({
      endpoints: [
        { name: 'westeurope', url: eu.url, boundary: 'EU' },
        { name: 'eastus', url: us.url, boundary: 'US' },
      ],
      selection: { when_none_healthy: 'fail' },
      probe: { interval_s: 0.2, sample_size: 2, successful_samples_required: 1, timeout_ms: 300 },
      retry: { max_attempts: 3, budget_percent: 100 },
    });
    assert.equal((await chat(gw, { 'x-faultline-boundary': 'EU' })).endpoint, 'westeurope');
    await eu.kill();
    const early = await chat(gw, { 'x-faultline-boundary': 'EU' });  // before the probes notice
    await sleep(800);
    const late = await chat(gw, { 'x-faultline-boundary': 'EU' });
    const unbounded = await chat(gw);
    await gw.stop(); await us.kill();
    assert.equal(early.status, 502);
    assert.equal(early.json.error.code, 'upstream_unreachable');
    assert.equal(late.status, 503);
    assert.equal(late.json.error.reason, 'no available endpoint inside boundary EU and when_none_healthy is fail');
    assert.equal(late.json.error.boundary, 'EU');
    assert.deepEqual(late.json.error.endpoints.map((e) => e.name), ['westeurope']);
    assert.equal(us.calls.length, 1, 'only the unbounded request reached the US');
    assert.equal(unbounded.endpoint, 'eastus');
  });
});
