// Start-up checks, reload on SIGHUP, graceful stop on SIGTERM.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chat, fakes, GATEWAY, sleep, startGateway, twoEndpoints } from './harness.mjs';

function runBad(config, env = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-gw-bad-'));
  const file = path.join(dir, 'gateway.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  const r = spawnSync(GATEWAY, ['--config', file, '--listen', '127.0.0.1:0'], { env: { ...process.env, ...env }, timeout: 5000 });
  return { status: r.status, stderr: String(r.stderr).replaceAll(file, 'gateway.json') };
}

describe('operations', () => {
  it('a bad configuration exits 2 naming the file, the JSON path and what is allowed', () => {
    const r = runBad({ endpoints: [{ name: 'a', url: 'http://127.0.0.1:1', weight: 0 }] });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'faultline-gateway: error: gateway.json: endpoints[0].weight: weight must be an integer from 1 to 1000, got 0\n');
    const typo = runBad({ endpoints: [{ name: 'a', url: 'http://127.0.0.1:1', api_key: 'x' }] });
    assert.equal(typo.status, 2);
    assert.equal(typo.stderr, 'faultline-gateway: error: gateway.json: endpoints[0].api_key: unknown key "api_key" ' +
      '(allowed: name, priority, weight, boundary, latency_ms, enabled, url, api_key_env, auth)\n');
  });

  it('a missing key variable exits 2 and never prints a key', () => {
    const r = runBad({ endpoints: [{ name: 'a', url: 'http://127.0.0.1:1', api_key_env: 'FAULTLINE_TEST_UNSET_KEY' }] });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /endpoints\[0\]\.api_key_env: the environment variable FAULTLINE_TEST_UNSET_KEY is not set/);
  });

  it('SIGHUP with a bad file keeps serving on the old configuration; with a good one, switches', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    const gw = await startGateway(twoEndpoints(a, b));
    writeFileSync(gw.configPath, '{"endpoints": [');
    gw.proc.kill('SIGHUP');
    await sleep(200);
    const during = await chat(gw);
    const swapped = twoEndpoints(a, b);
    swapped.endpoints[0].priority = 3;  // the secondary (priority 2) now comes first
    writeFileSync(gw.configPath, JSON.stringify(swapped));
    gw.proc.kill('SIGHUP');
    await sleep(200);
    const afterGood = await chat(gw);
    await gw.stop(); await a.kill(); await b.kill();
    assert.equal(during.status, 200);
    assert.equal(during.endpoint, 'primary');
    const reloads = gw.lines.filter((l) => l.includes('"log":"reload"')).map((l) => JSON.parse(l));
    assert.equal(reloads[0].ok, false);
    assert.match(reloads[0].error, /gateway\.json:1:16: syntax error/);
    assert.equal(reloads[1].ok, true);
    assert.equal(afterGood.endpoint, 'secondary');
  });

  it('SIGTERM: the request in flight finishes, then the gateway exits 0', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    a.behaviour = { firstByteMs: 500 };
    const gw = await startGateway(twoEndpoints(a, b));
    const pending = chat(gw);
    await sleep(150);
    gw.proc.kill('SIGTERM');
    const res = await pending;
    // Wait for the exit the one SIGTERM caused: stop() would send a second SIGTERM while the
    // gateway drains, a race a loaded machine loses (the second signal is not what is tested).
    const exit = await gw.exited;
    await gw.stop();
    await a.kill(); await b.kill();
    assert.equal(res.status, 200);
    assert.equal(res.endpoint, 'primary');
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.ok(gw.lines.some((l) => l.includes('"log":"stopping", "in_flight":1')));
  });

  it('a second SIGTERM during the drain stops at once: forced_stop, the call abandoned, exit 0', async () => {
    const [a, b] = await fakes('primary', 'secondary');
    a.behaviour = { firstByteMs: 3000 };  // without the second signal the drain would wait 3 s for it
    const slow = { connect_timeout_ms: 300, first_byte_timeout_ms: 25000, read_timeout_ms: 25000, shutdown_timeout_s: 30 };
    const gw = await startGateway(twoEndpoints(a, b, { gateway: slow }));
    const pending = chat(gw).catch((e) => ({ error: String(e) }));
    await sleep(150);
    gw.proc.kill('SIGTERM');
    await sleep(200);
    gw.proc.kill('SIGTERM');
    const exit = await gw.exited;
    const res = await pending;
    await gw.stop();
    await a.kill(); await b.kill();
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.notEqual(res.status, 200);  // the connection closed before any answer
    const forced = gw.lines.filter((l) => l.includes('"log":"forced_stop"')).map((l) => JSON.parse(l));
    assert.equal(forced.length, 1);
    assert.equal(forced[0].signal, 15);
    assert.equal(forced[0].abandoned, 1);
  });
});
