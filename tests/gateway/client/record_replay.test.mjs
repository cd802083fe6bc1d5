// Record -> replay identity: `faultline replay GATEWAY.json recorded.jsonl` prints exactly the
// picks and state changes the gateway made during a session with a failover and a failback.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { chat, FAULTLINE, fakes, sleep, startGateway, twoEndpoints } from './harness.mjs';

describe('record and replay', () => {
  it('replaying the recording reproduces every pick and state change', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    const gw = await startGateway(twoEndpoints(a, b, {
      failover: { validate_for_s: 0.3, failback_checks: 2, hold_down_s: 0.8, check_interval_s: 0.2 },
    }), { record: true });
    const send = async (n) => { for (let i = 0; i < n; i += 1) { await chat(gw, i % 3 === 0 ? { 'x-request-id': `client-${Date.now()}-${i}` } : {}); await sleep(30); } };
    await send(10);
    await a.kill();
    await send(40);   // about 1.2 s: detection and failover
    await a.revive();
    await send(60);   // about 1.8 s: hold-down, checks, failback
    await gw.stop();
    await a.kill(); await b.kill();
    const decisions = gw.lines.filter((l) => l.startsWith('{"t_ms":') && !l.includes('"log":'));
    const states = decisions.filter((l) => l.includes('"controller"')).map((l) => JSON.parse(l).controller);
    assert.ok(states.includes('failed_over') && states.includes('normal'), `controller went ${states}`);
    const recorded = readFileSync(gw.recordPath, 'utf8');
    assert.ok(recorded.split('\n').filter(Boolean).every((l) => /"t_us":\d+/.test(l)));
    const replay = spawnSync(FAULTLINE, ['replay', gw.configPath, gw.recordPath], { timeout: 20000 });
    assert.equal(replay.status, 0, String(replay.stderr));
    const replayed = String(replay.stdout).split('\n').filter(Boolean);
    assert.ok(decisions.length > 110, `${decisions.length} decision lines`);
    assert.deepEqual(replayed, decisions);
  });
});
