#!/usr/bin/env bash
# Installs the third-party tools the tests ask for the right answer (DESIGN.md, "oracles"):
# newman 6 from the npm registry, httpbin (under gunicorn) from PyPI, into
# $APIAUTOTEST_ORACLES (default ~/.cache/apiautotest/oracles). The tests start and stop
# httpbin themselves, on a free port. Sourced by test.sh; safe to run again.
set -euo pipefail
oracles="${APIAUTOTEST_ORACLES:-$HOME/.cache/apiautotest/oracles}"
mkdir -p "$oracles"
export APIAUTOTEST_ORACLES="$oracles"

if [ ! -x "$oracles/node_modules/.bin/newman" ]; then
  echo "== installing newman 6 (npm registry)"
  npm install --silent --no-audit --no-fund --prefix "$oracles" newman@6
fi
if [ ! -x "$oracles/venv/bin/gunicorn" ] || ! "$oracles/venv/bin/python" -c 'import httpbin' 2>/dev/null; then
  echo "== installing httpbin and gunicorn (PyPI)"
  python3 -m venv "$oracles/venv"
  "$oracles/venv/bin/pip" install --quiet --disable-pip-version-check httpbin gunicorn
fi
