#!/usr/bin/env bash
# Desktop benchmarks (figures, not pass/fail): app vs CLI throughput, re-attach time on 1k
# and 100k results, memory of the whole process tree. `--soak-minutes 30` adds the long
# run at ~1000 results/s (hidden for its second half). Release builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
(cd ui && npm run --silent build)
cargo build --release --locked -p apiautotest-cli
cargo bench --locked --bench desktop -- "$@"
