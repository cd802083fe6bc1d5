// Sim vs real: the same outage through faultline-gateway (real time) and through `faultline run`
// with the same configuration file (a pattern's router_file) and a matching workload.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chat, FAULTLINE, fakes, routerState, sleep, startGateway } from './harness.mjs';

const SOURCE = process.env.FAULTLINE_SOURCE_DIR ?? path.resolve('../../..');
const FAULT_START_S = 3.5;
const FAULT_S = 5;
const RATE = 10;  // requests per second, constant

// Probes every 1 s, unhealthy after 2 failed probes (x = 1 of n = 2), 0.5 s probe timeout; no
// retries; the client (and the gateway's first-byte) timeout 1 s. eastus2 goes dark at 3.5 s:
// probes sent at 4 and 5 s time out at 4.5 and 5.5 s, so detection (= switch, no controller)
// is 2.0 s after the fault, and the requests sent in [3.5, 5.5) s, 20 at 10/s, time out.
function gatewayConfig(primary, secondary) {
  return {
    endpoints: [
      { name: 'eastus2', url: primary.url, priority: 1 },
      { name: 'centralus', url: secondary.url, priority: 2 },
    ],
    probe: { interval_s: 1, sample_size: 2, successful_samples_required: 1, timeout_ms: 500 },
    gateway: { first_byte_timeout_ms: 1000, connect_timeout_ms: 500 },
  };
}

function scenario() {
  return {
    name: 'sim-vs-real',
    topology: path.join(SOURCE, 'scenarios/topologies/foundry-two-region.json'),
    duration: 12,
    seed: 1,
    workloads: [{ name: 'chat', model: 'gpt-4.1-mini', arrivals: { process: 'constant', rate_per_s: RATE },
      prompt_tokens: 10, completion_tokens: 10, service_time: 0.01, timeout: '1s' }],
    faults: [{ name: 'eastus2-dark', type: 'region_outage', target: 'eastus2', start: FAULT_START_S, duration: FAULT_S }],
    patterns: [{ name: 'as-deployed', routing: 'priority', standby_fraction: 1, router_file: 'gateway.json' }],
  };
}

async function real() {
  const [primary, secondary] = await fakes('eastus2', 'centralus');
  const gw = await startGateway(gatewayConfig(primary, secondary));
  // The gateway's clock: its t_ms at our Date.now().
  const state = await routerState(gw);
  const epoch = Date.now() - state.t_ms;
  const at = (s) => sleep(Math.max(0, epoch + s * 1000 - Date.now()));
  const pending = [];
  const load = (async () => {
    for (let k = Math.ceil((Date.now() - epoch) / 100) + 1; k * 100 <= 10000; k += 1) {
      await at(k / RATE);
      pending.push(chat(gw).then((r) => ({ t: k / RATE, ...r })));
    }
  })();
  await at(FAULT_START_S);
  primary.behaviour = { hang: true };
  await at(FAULT_START_S + FAULT_S);
  primary.behaviour = {};
  await load;
  const results = await Promise.all(pending);
  await gw.stop();
  await primary.kill(); await secondary.kill();
  const lines = gw.lines.map((l) => JSON.parse(l));
  const unhealthy = lines.find((l) => l.endpoint === 'eastus2' && l.state === 'unhealthy');
  const firstMoved = lines.find((l) => l.request && l.endpoint === 'centralus');
  return {
    detect_s: unhealthy.t_ms / 1000 - FAULT_START_S,
    switch_s: firstMoved.t_ms / 1000 - FAULT_START_S,
    failed: results.filter((r) => r.t >= 1 && r.status !== 200).length,
    configPath: gw.configPath,
    dir: gw.dir,
  };
}

function simulated(dir) {
  const file = path.join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario(), null, 2));
  const json = path.join(dir, 'result.json');
  const run = spawnSync(FAULTLINE, ['run', file, '--json', json, '-q'], { timeout: 60000 });
  assert.ok(run.status === 0 || run.status === 1, String(run.stderr));
  const result = JSON.parse(readFileSync(json, 'utf8'));
  const pattern = result.patterns[0];
  const incident = pattern.incidents[0];
  const w = pattern.workloads[0];
  return { detect_s: incident.detect_s, switch_s: incident.switch_s, failed: w.offered - w.succeeded, result };
}

describe('sim vs real', () => {
  it('detection and switch within one probe interval, failed requests within 10 %', async () => {
    const gw = await real();
    const sim = simulated(gw.dir);
    console.log(JSON.stringify({ real: { ...gw, configPath: undefined, dir: undefined }, sim: { ...sim, result: undefined } }));
    assert.ok(Math.abs(gw.detect_s - sim.detect_s) <= 1, `detect real ${gw.detect_s} sim ${sim.detect_s}`);
    assert.ok(Math.abs(gw.switch_s - sim.switch_s) <= 1, `switch real ${gw.switch_s} sim ${sim.switch_s}`);
    assert.ok(sim.failed > 0);
    assert.ok(Math.abs(gw.failed - sim.failed) <= 0.1 * sim.failed, `failed real ${gw.failed} sim ${sim.failed}`);
  });
});
