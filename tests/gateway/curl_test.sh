#!/usr/bin/env bash
# curl through faultline-gateway: a streamed chat completion arrives as SSE with the
# x-faultline-endpoint and x-request-id headers; a bad configuration exits 2.
# Usage: curl_test.sh GATEWAY NODE CLIENT_DIR. Every process started here is killed by PID.
set -euo pipefail
gateway=$1 node=$2 client=$3
dir=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$dir"; }
trap cleanup EXIT

(cd "$client" && exec "$node" serve_fake.mjs eastus) >"$dir/fake.out" &
pids+=($!)
for _ in $(seq 100); do [[ -s "$dir/fake.out" ]] && break; sleep 0.05; done
port=$(head -1 "$dir/fake.out")
cat >"$dir/gateway.json" <<JSON
{"endpoints": [{"name": "eastus", "url": "http://127.0.0.1:$port"}], "probe": {"interval_s": 1}}
JSON
"$gateway" --config "$dir/gateway.json" --listen 127.0.0.1:0 >"$dir/gw.out" &
pids+=($!)
for _ in $(seq 100); do grep -q '"listening"' "$dir/gw.out" 2>/dev/null && break; sleep 0.05; done
gw_port=$(sed -n 's/.*"address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$dir/gw.out" | head -1)

curl -sS -N -m 10 -D "$dir/headers" -H 'content-type: application/json' -H 'x-request-id: curl-1' \
  -d '{"model":"gpt-4o","messages":[],"stream":true}' "http://127.0.0.1:$gw_port/v1/chat/completions" >"$dir/body"
grep -qi '^x-faultline-endpoint: eastus' "$dir/headers" || { echo "no x-faultline-endpoint"; cat "$dir/headers"; exit 1; }
grep -qi '^x-request-id: curl-1' "$dir/headers" || { echo "no x-request-id"; exit 1; }
grep -qi '^content-type: text/event-stream' "$dir/headers" || { echo "not SSE"; exit 1; }
# Four content chunks and the [DONE] line, as the fake sent them.
[[ $(grep -c '^data: {"id":"chunk-eastus"' "$dir/body") == 4 ]] || { echo "chunks:"; cat "$dir/body"; exit 1; }
grep -q '^data: \[DONE\]' "$dir/body" || { echo "no [DONE]"; exit 1; }

echo '{"endpoints": [{"name": "eastus"}]}' >"$dir/bad.json"
set +e
"$gateway" --config "$dir/bad.json" 2>"$dir/bad.err"
code=$?
set -e
[[ $code == 2 ]] || { echo "bad config exit $code"; exit 1; }
grep -q 'bad.json: endpoints\[0\].url: missing required key "url"' "$dir/bad.err" || { cat "$dir/bad.err"; exit 1; }
echo "curl_test: ok"
