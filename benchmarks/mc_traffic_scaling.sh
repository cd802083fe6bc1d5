#!/usr/bin/env bash
# Times `faultline mc` at 1 and 200 requests/s in the fast and exact traffic modes, and `faultline plan` at
# 200 requests/s (issue 17 item 1), each with its peak RSS from /usr/bin/time -v. Prints one table row per run
# (markdown) and the load average before and after. Usage:
#   benchmarks/mc_traffic_scaling.sh [FAULTLINE_BINARY]
# Environment: YEARS (per replication, default 10), REPLICATIONS (default 1000), EXACT_REPLICATIONS for exact at
# 200 requests/s (default 10: 100 simulated years), THREADS (default 2), PLAN=0 skips the plan run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/cli/faultline}
years=${YEARS:-10}
replications=${REPLICATIONS:-1000}
exact_replications=${EXACT_REPLICATIONS:-10}
threads=${THREADS:-2}
base=$root/scenarios/reliability-two-region.json
production=$root/scenarios/reliability-two-region-200rps.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# run LABEL SIMULATED_YEARS COMMAND...: one markdown row: label, wall s, user+sys s, peak RSS MB, years / s.
run() {
  local label=$1 simulated=$2
  shift 2
  /usr/bin/time -v -o "$out/time" "$@" >/dev/null 2>"$out/err" || [[ $? -eq 1 ]]  # 1: a target missed
  awk -v label="$label" -v years="$simulated" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "| %s | %.1f s | %.1f s | %.1f MB | %s |\n", label, wall, cpu, rss,
                 (years > 0 && wall > 0) ? sprintf("%.0f", years / wall) : "-" }' "$out/time"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "| run | wall | CPU (user + sys) | peak RSS | simulated years / s |"
echo "| --- | --- | --- | --- | --- |"
total=$(awk -v y="$years" -v r="$replications" 'BEGIN { print y * r }')
exact_total=$(awk -v y="$years" -v r="$exact_replications" 'BEGIN { print y * r }')
common=(--years "$years" -j "$threads" -q --allow-large)
run "mc 200 req/s, fast, $total years" "$total" "$bin" mc "$production" --replications "$replications" --traffic fast "${common[@]}"
run "mc 1 req/s, fast, $total years" "$total" "$bin" mc "$base" --replications "$replications" --traffic fast "${common[@]}"
run "mc 200 req/s, exact, $exact_total years" "$exact_total" "$bin" mc "$production" --replications "$exact_replications" --traffic exact "${common[@]}"
run "mc 200 req/s, fast, $((total / 10)) years" "$((total / 10))" "$bin" mc "$production" --replications "$((replications / 10))" --traffic fast "${common[@]}"
run "mc 1 req/s, exact, $total years" "$total" "$bin" mc "$base" --replications "$replications" --traffic exact "${common[@]}"
if [[ ${PLAN:-1} != 0 ]]; then
  run "plan 200 req/s, fast, default space" 0 "$bin" plan "$production" -j "$threads" -q
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%H:%M UTC')"
