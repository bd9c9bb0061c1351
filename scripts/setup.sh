#!/usr/bin/env bash
# Makes sure of everything the build (and, with --browser, the browser tests)
# needs: the wasm32 target, wasm-bindgen-cli at exactly the crate's version,
# the npm packages, and Debian's chromium. Idempotent, and quick when all is
# present. Used by `npm start`, `npm test` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=0
[ "${1:-}" = "--browser" ] && browser=1
say() { echo "setup: $*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

command -v cargo >/dev/null || { say "Rust is missing: install it with rustup (https://rustup.rs), then run this again."; exit 1; }
command -v node >/dev/null || { say "Node.js (20 or newer) is missing: install it, then run this again."; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Without --locked: the CLI's own lock file wants a crate the registry lacks.
  say "installing wasm-bindgen-cli $want (was: ${have:-none}); takes about 2 minutes once"
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$browser" = 1 ]; then
  chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's chromium for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      say "the browser tests need Chromium at $chromium: install it (Debian: sudo apt-get install chromium chromium-driver) or set CHROMIUM_PATH."
      exit 1
    fi
  fi
fi
