// Test harness: fake OpenAI-compatible upstreams (in-process, loopback, free ports) and the
// real faultline-gateway executable started on a free port, killed by PID, bounded in time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const GATEWAY = process.env.FAULTLINE_GATEWAY ?? path.resolve('../../../build/test/gateway/faultline-gateway');
export const FAULTLINE = process.env.FAULTLINE_CLI ?? path.resolve('../../../build/test/cli/faultline');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A fake upstream. `behaviour` decides each answer and may be replaced while running:
// {status, headers, body, hangMs, firstByteMs, stream: [chunks], chunkGapMs, cutAfter, healthy}.
export class FakeUpstream {
  constructor(name) {
    this.name = name;
    this.behaviour = {};
    this.healthy = true;
    this.calls = [];   // {path, headers} of every non-probe request
    this.probes = 0;
    this.sockets = new Set();
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30000;
    this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
  }

  async start(port = 0) {
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', resolve);
    });
    this.port = this.server.address().port;
    return this;
  }

  get url() { return `http://127.0.0.1:${this.port}`; }

  // Stops listening and drops every connection: connections are refused until start(port) again.
  async kill() {
    const closed = new Promise((resolve) => this.server.close(resolve));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  async revive() { await this.start(this.port); }

  handle(req, res) {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      if (req.url.endsWith('/health')) {
        this.probes += 1;
        if (this.behaviour.hang) return;  // a dark region: probes time out too
        res.writeHead(this.healthy ? 200 : 503).end();
        return;
      }
      this.calls.push({ path: req.url, headers: req.headers, body });
      this.answer(req, res, body);
    });
  }

  answer(req, res, body) {
    const b = this.behaviour;
    if (b.hang) return;  // never answers: the gateway's first-byte timeout fires
    let streaming = false;
    try { streaming = JSON.parse(body).stream === true; } catch { streaming = false; }
    const send = () => {
      // Bodies carry Content-Length as Azure OpenAI's do; `chunked: true` sends them chunked instead.
      const json = (status, value) => {
        const text = JSON.stringify(value);
        const framing = b.chunked ? {} : { 'content-length': Buffer.byteLength(text) };
        res.writeHead(status, { 'content-type': 'application/json', ...framing, ...(b.headers ?? {}) });
        res.end(text);
      };
      if (b.status && b.status !== 200) {
        json(b.status, { error: { message: `${this.name} says ${b.status}` } });
      } else if (streaming) {
        this.stream(res, b);
      } else {
        json(200, completion(this.name, req.headers));
      }
    };
    if (b.firstByteMs) setTimeout(send, b.firstByteMs); else send();
  }

  stream(res, b) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const words = b.words ?? ['hello', ' from', ' the', ' stream'];
    let i = 0;
    const next = () => {
      if (b.cutAfter !== undefined && i === b.cutAfter) { res.socket.destroy(); return; }
      if (i === words.length) { res.end('data: [DONE]\n\n'); return; }
      res.write(`data: ${JSON.stringify(chunk(this.name, words[i]))}\n\n`);
      i += 1;
      setTimeout(next, b.chunkGapMs ?? 0);
    };
    next();
  }
}

function completion(name, headers) {
  return {
    id: `cmpl-${name}`, object: 'chat.completion', created: 0, model: 'gpt-4o',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `answer from ${name}` } }],
    usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
    seen_headers: headers,
  };
}

function chunk(name, word) {
  return { id: `chunk-${name}`, object: 'chat.completion.chunk', created: 0, model: 'gpt-4o',
    choices: [{ index: 0, delta: { content: word }, finish_reason: null }] };
}

export async function fakes(...names) {
  return Promise.all(names.map((n) => new FakeUpstream(n).start()));
}

// Starts the gateway on `config` (an object, written to a temporary file) and waits for its
// "listening" line. Returns {port, url, proc, lines, configPath, stop(), waitExit()}.
export async function startGateway(config, { record = false, env = {}, args = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-gw-'));
  const configPath = path.join(dir, 'gateway.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const recordPath = path.join(dir, 'events.jsonl');
  const argv = ['--config', configPath, '--listen', '127.0.0.1:0', ...(record ? ['--record', recordPath] : []), ...args];
  const proc = spawn(GATEWAY, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const gw = { proc, dir, configPath, recordPath, lines: [], stderr: '' };
  const killer = setTimeout(() => proc.kill('SIGKILL'), 60000);  // bounded lifetime
  gw.exited = new Promise((resolve) => proc.on('exit', (code, signal) => { clearTimeout(killer); resolve({ code, signal }); }));
  let buffered = '';
  proc.stdout.on('data', (d) => {
    buffered += d;
    const parts = buffered.split('\n');
    buffered = parts.pop();
    gw.lines.push(...parts);
  });
  proc.stderr.on('data', (d) => { gw.stderr += d; });
  const deadline = Date.now() + 10000;
  while (!gw.port) {
    const listening = gw.lines.find((l) => l.includes('"log":"listening"'));
    if (listening) gw.port = Number(JSON.parse(listening).address.split(':')[1]);
    else if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`gateway did not start: ${gw.stderr}`);
    else await sleep(10);
  }
  gw.url = `http://127.0.0.1:${gw.port}`;
  gw.stop = async () => {
    if (proc.exitCode === null) proc.kill('SIGTERM');
    const result = await gw.exited;
    if (buffered) { gw.lines.push(buffered); buffered = ''; }
    return result;
  };
  return gw;
}

// Router state of the gateway, by endpoint name.
export async function routerState(gw) {
  const state = await (await fetch(`${gw.url}/router/state`)).json();
  return { ...state, by: Object.fromEntries(state.endpoints.map((e) => [e.name, e])) };
}

// A plain chat completion request with fetch; returns {status, endpoint, json, headers}.
export async function chat(gw, headers = {}, stream = false) {
  const res = await fetch(`${gw.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer client-key', ...headers },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream }),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = null; }
  return { status: res.status, endpoint: res.headers.get('x-faultline-endpoint'), json, text, headers: res.headers };
}

// Two endpoints (primary first) with fast probes, for most tests.
export function twoEndpoints(a, b, extra = {}) {
  return {
    endpoints: [
      { name: 'primary', url: a.url, priority: 1 },
      { name: 'secondary', url: b.url, priority: 2 },
    ],
    probe: { interval_s: 0.2, sample_size: 2, successful_samples_required: 1, timeout_ms: 300 },
    retry: { max_attempts: 3, budget_percent: 100 },
    gateway: { connect_timeout_ms: 300, first_byte_timeout_ms: 1000, read_timeout_ms: 1000, shutdown_timeout_s: 5 },
    ...extra,
  };
}

// A loopback port whose listen queue is full: connects to it time out (the "connect timeout" row).
// The holder process lives at most 30 s and is killed by PID in release().
export async function blackhole() {
  const script = [
    'import socket, sys, time',
    's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)',
    'fill = []',
    'for _ in range(4):',
    '    c = socket.socket(); c.setblocking(False)',
    '    try: c.connect(s.getsockname())',
    '    except BlockingIOError: pass',
    '    fill.append(c)',
    'print(s.getsockname()[1], flush=True)',
    'time.sleep(30)',
  ].join('\n');
  const proc = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => proc.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return { url: `http://127.0.0.1:${port}`, release: () => proc.kill('SIGKILL') };
}

// The call events of the gateway's recording (after stop()).
export function recordedCalls(gw) {
  return readFileSync(gw.recordPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((e) => e.kind === 'call');
}
