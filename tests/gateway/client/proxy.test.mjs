// Proxying with the real openai client: answers, headers, streaming, operations endpoints.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { chat, fakes, routerState, startGateway, twoEndpoints } from './harness.mjs';

describe('proxying', () => {
  let a, b, gw, client;
  before(async () => {
    [a, b] = await fakes('primary', 'secondary');
    gw = await startGateway({
      ...twoEndpoints(a, b),
      endpoints: [
        { name: 'primary', url: `${a.url}/`, priority: 1, api_key_env: 'FAULTLINE_TEST_PRIMARY_KEY' },
        { name: 'secondary', url: b.url, priority: 2, api_key_env: 'FAULTLINE_TEST_SECONDARY_KEY', auth: 'bearer' },
      ],
    }, { env: { FAULTLINE_TEST_PRIMARY_KEY: 'sk-primary-secret', FAULTLINE_TEST_SECONDARY_KEY: 'sk-secondary-secret' } });
    client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'client-key', maxRetries: 0, timeout: 5000 });
  });
  after(async () => { await gw.stop(); await a.kill(); await b.kill(); });

  it('answers a chat completion from the priority-1 endpoint and names it', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    assert.equal(data.choices[0].message.content, 'answer from primary');
    assert.equal(response.headers.get('x-faultline-endpoint'), 'primary');
    assert.match(response.headers.get('x-request-id'), /^gw-\d+$/);
  });

  it('sends the endpoint key the way its auth says, never the client key, and keeps the request id', async () => {
    const r = await chat(gw, { 'x-request-id': 'req-42', 'x-faultline-boundary': 'EU' });
    // No endpoint declares a boundary EU: the request is refused (tested in failover), so ask without one.
    assert.equal(r.status, 503);
    const ok = await chat(gw, { 'x-request-id': 'req-43' });
    assert.equal(ok.headers.get('x-request-id'), 'req-43');
    const seen = ok.json.seen_headers;
    assert.equal(seen['api-key'], 'sk-primary-secret');
    assert.equal(seen.authorization, undefined);
    assert.equal(seen['x-request-id'], 'req-43');
    assert.equal(seen['x-faultline-boundary'], undefined);
  });

  it('passes a Content-Length body and a chunked body through unchanged', async () => {
    // Azure OpenAI answers with Content-Length; Boost 1.74 refused such bodies with an unset limit.
    const framed = await chat(gw);
    assert.equal(framed.status, 200);
    assert.equal(framed.headers.get('content-length'), String(Buffer.byteLength(framed.text)));
    a.behaviour = { chunked: true };
    const chunked = await chat(gw);
    a.behaviour = {};
    assert.equal(chunked.status, 200);
    assert.equal(chunked.headers.get('content-length'), null);
    assert.equal(chunked.json.choices[0].message.content, 'answer from primary');
  });

  it('streams server-sent events chunk by chunk, not buffered', async () => {
    a.behaviour = { chunkGapMs: 150, words: ['one', ' two', ' three'] };
    const started = Date.now();
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [], stream: true });
    const arrivals = [];
    let text = '';
    for await (const part of stream) { arrivals.push(Date.now() - started); text += part.choices[0].delta.content; }
    a.behaviour = {};
    assert.equal(text, 'one two three');
    // The fake sends chunk k at 150*k ms: the first must arrive well before the last was sent (300 ms).
    assert.ok(arrivals[0] < 250, `first chunk after ${arrivals[0]} ms`);
    assert.ok(arrivals[2] - arrivals[0] >= 250, `chunks ${arrivals}`);
  });

  it('serves /healthz, /router/state and /metrics without leaking keys', async () => {
    assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
    const state = await routerState(gw);
    assert.deepEqual(state.endpoints.map((e) => e.name), ['primary', 'secondary']);
    assert.equal(state.by.primary.available, true);
    assert.equal(state.controller.state, 'normal');
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    assert.match(metrics, /faultline_gateway_calls_total\{endpoint="primary",outcome="success"\} [1-9]/);
    assert.match(metrics, /faultline_gateway_endpoint_state\{endpoint="secondary",gauge="available"\} 1/);
    assert.match(metrics, /faultline_gateway_probes_total\{endpoint="primary",result="success"\} [1-9]/);
    const everything = metrics + JSON.stringify(state) + gw.lines.join('\n');
    assert.ok(!everything.includes('sk-primary-secret') && !everything.includes('sk-secondary-secret'));
  });

  it('answers 404 JSON outside /v1/ and /openai/', async () => {
    const res = await fetch(`${gw.url}/admin`);
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.type, 'faultline_not_found');
  });
});
