#!/usr/bin/env bash
# Sets up everything, builds the desktop app and launches it. On first start it seeds a
# demo workspace: the built-in sandbox API runs inside the app on a local port and the
# demo collection targets it, so pressing Run works offline.
#
# `bash scripts/demo.sh cli` runs the demo collection with the command-line runner
# instead, writing JUnit, JSON and HTML reports to demo/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
target=${CARGO_TARGET_DIR:-target}

if [ "${1:-}" = cli ]; then
  exec bash scripts/demo-cli.sh
fi

(cd ui && npm run --silent build)
cargo build --release --locked --bin apiautotest-desktop
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: running the app on a virtual one (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$target/release/apiautotest-desktop"
fi
exec "$target/release/apiautotest-desktop"
