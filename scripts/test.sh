#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, lints (warnings
# are errors) and the whole test suite (unit, engine against the sandbox, CLI black-box,
# the SIGKILL durability test).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
