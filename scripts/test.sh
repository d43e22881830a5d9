#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: the UI's type check, lint,
# unit tests and build; Rust formatting and lints (warnings are errors); the whole test
# suite (engine against the sandbox, CLI black-box and SIGKILL durability, the desktop
# shell, and the end-to-end tests on the real app window under Xvfb); and that the
# generated TypeScript bindings are committed as generated.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/oracles.sh

echo "== ui: typecheck, lint, unit tests, build"
(cd ui && npm run --silent typecheck && npm run --silent lint && npm test --silent && npm run --silent build)
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
echo "== TypeScript bindings up to date"
if [ -d .git ]; then
  changed=$(git status --porcelain -- ui/src/bindings)
  if [ -n "$changed" ]; then
    echo "ui/src/bindings differs from what the Rust types generate; commit the regenerated files:" >&2
    echo "$changed" >&2
    exit 1
  fi
fi
