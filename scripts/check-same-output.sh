#!/usr/bin/env bash
# Refactoring guard: build the release CLI, annotate every shared corpus text
# and every fixture, and diff against a baseline made the same way with the
# binary before the change (default /tmp/before/<basename>.json and .err).
# Lines `"code": "…",` are stripped from the new output (diagnostic codes are
# new since the baseline). Exit status 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-/tmp/before}
corpus=${CORPUS:-../shared/corpus}
[ -d "$corpus" ] || corpus=/work/shared/corpus
cargo build --quiet --release --bin kamervragen
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for f in "$corpus"/*.txt tests/fixtures/*.txt; do
  name=$(basename "$f")
  target/release/kamervragen annotate "$f" 2>"$out/$name.err" | grep -v '^ *"code": ' >"$out/$name.json" || true
  for ext in json err; do
    if ! diff -q "$before/$name.$ext" "$out/$name.$ext" >/dev/null; then
      echo "DIFF $name.$ext"; diff "$before/$name.$ext" "$out/$name.$ext" | head -20; status=1
    fi
  done
done
[ $status = 0 ] && echo "same output: $(ls "$corpus"/*.txt tests/fixtures/*.txt | wc -l) files"
exit $status
