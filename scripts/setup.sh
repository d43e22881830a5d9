#!/usr/bin/env bash
# Installs what building and testing apiautotest needs on Debian/Ubuntu, skipping what is
# already there: the C libraries Tauri builds against (WebKitGTK...), what the
# end-to-end tests drive the real window with (Xvfb, WebKitWebDriver, a D-Bus session),
# openssl (the client-certificate tests' CA and TLS server), Node.js for the UI, and Rust. Sourced by demo.sh and test.sh.
set -euo pipefail

packages=(
  build-essential pkg-config curl ca-certificates python3 python3-venv git
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev
  webkit2gtk-driver xvfb xauth dbus xdotool xclip libglib2.0-bin openssl
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The UI's build tools (Vite 8) need Node.js 20.19 or newer; Debian 12 ships 18. A newer
# one comes from the npm registry's `node` package, kept under ~/.cache.
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; }
if ! node_ok; then
  prefix="$HOME/.cache/apiautotest/node"
  [ -x "$prefix/node_modules/.bin/node" ] || npm install --silent --prefix "$prefix" node@22
  export PATH="$prefix/node_modules/.bin:$PATH"
  node_ok || { echo "Node.js >= 20.19 is needed (found $(node --version))" >&2; exit 1; }
fi

if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] || curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
  export PATH="$HOME/.cargo/bin:$PATH"
fi

# The UI's packages, exactly as locked (only when the lock file changed since).
if [ ! -f ui/node_modules/.package-lock.json ] || ! cmp -s ui/package-lock.json ui/node_modules/.package-lock.json.installed 2>/dev/null; then
  (cd ui && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.package-lock.json.installed)
fi
