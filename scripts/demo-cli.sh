#!/usr/bin/env bash
# Builds the apiautotest CLI, starts the built-in sandbox API on a free local port, and
# runs the demo collection against it, writing JUnit, JSON and HTML reports to demo/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo build --release --locked -p apiautotest-cli
bin=target/release/apiautotest
[ -n "${CARGO_TARGET_DIR:-}" ] && bin=$CARGO_TARGET_DIR/release/apiautotest

log=$(mktemp)
"$bin" sandbox --port 0 >"$log" 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.05; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$log")

mkdir -p demo/out
"$bin" run demo/items.yaml --var "base=$base" --db demo/out/history.db \
  --report junit=demo/out/junit.xml --report json=demo/out/report.json --report html=demo/out/report.html
echo
echo "Reports in demo/out/ (open demo/out/report.html); batches recorded in demo/out/history.db:"
"$bin" batches --db demo/out/history.db --limit 5
