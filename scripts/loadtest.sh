#!/usr/bin/env bash
# Latency of GET /api/events with filters, measured by wrk from a second process.
#
#   scripts/make_big_store.py /tmp/big.db --events 100000   # once: 100,000 events
#   scripts/loadtest.sh /tmp/big.db [SECONDS] [CONNECTIONS] [--each]
#
# Starts `communique serve` on the store (127.0.0.1 only), warms it up, runs wrk with
# scripts/loadtest.lua (eleven filter combinations in turn) and prints p50/p90/p95/p99;
# with --each, also each combination alone.
# Needs wrk (apt-get install -y wrk). Traffic goes to 127.0.0.1 only, for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: scripts/loadtest.sh STORE [SECONDS] [CONNECTIONS]}
seconds=${2:-20}
connections=${3:-1}
port=${PORT:-8791}
base="http://127.0.0.1:${port}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

.venv/bin/communique serve --db "$store" --port "$port" --log-level warning &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' EXIT
for _ in $(seq 150); do
  curl -fs "${base}/api/articles?limit=1" >/dev/null 2>&1 && break
  sleep 0.2
done

echo "warming up (5 s)…"
wrk -t1 -c1 -d5s -s scripts/loadtest.lua "$base" >/dev/null
echo "measuring: ${seconds} s, ${connections} connection(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t1 -c"$connections" -d"${seconds}s" -s scripts/loadtest.lua "$base"
if [[ "${4:-}" == "--each" ]]; then
  for n in $(seq 11); do
    echo
    LOADTEST_PATH=$n wrk -t1 -c"$connections" -d5s -s scripts/loadtest.lua "$base"
  done
fi
