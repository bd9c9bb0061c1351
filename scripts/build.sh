#!/usr/bin/env bash
# Release build of the page: the core compiled to wasm, bound with
# wasm-bindgen (--target web) into www/pkg/, and shrunk with wasm-opt from
# npm's binaryen (never Debian's: v108 breaks wasm-bindgen's externref table).
# Then the offline single file dist/kamervragen-annotator.html: a second
# binding (--target no-modules) embedded with the page by build-single.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Panic locations name their source file: without the registry prefix
# ("/root/.cargo/registry/src/index.crates.io-…/") that is ~2.7 KB less wasm.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
flags=()
for dir in "$cargo_home"/registry/src/*/; do flags+=("\"--remap-path-prefix=${dir%/}=\""); done
cargo build --quiet --profile wasm --target wasm32-unknown-unknown --lib \
  --config "target.wasm32-unknown-unknown.rustflags=[$(IFS=,; echo "${flags[*]}")]"
wasm=target/wasm32-unknown-unknown/wasm/kamervragen.wasm
# The features rustc enables by default for wasm32; never --all-features.
opt() {
  node_modules/.bin/wasm-opt --merge-similar-functions -Oz --low-memory-unused --converge \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$1" -o "$1"
}
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$wasm"
opt www/pkg/kamervragen_bg.wasm
echo "build: www/pkg/kamervragen_bg.wasm $(wc -c < www/pkg/kamervragen_bg.wasm) bytes, $(gzip -9c www/pkg/kamervragen_bg.wasm | wc -c) gzip" >&2

single=$(mktemp -d)
trap 'rm -rf "$single"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$single" "$wasm"
opt "$single/kamervragen_bg.wasm"
node scripts/build-single.mjs "$single"
