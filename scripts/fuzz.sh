#!/usr/bin/env bash
# Fuzzes for [seconds] (default 600) one target (default parse):
#   parse   fuzz/fuzz_targets/parse.rs: parse + export + view + offset
#           conversions, invariants in fuzz/check.rs; seeded with tests/fixtures
#           (incl. regressions/) and ../shared/corpus;
#   import  fuzz/fuzz_targets/import.rs: annotation import (src/anchoring.rs)
#           and export round trips; seeded with ../shared/corpus/gold/*.json too.
#   bash scripts/fuzz.sh 600 [parse|import]   # needs cargo-fuzz and a nightly toolchain
# A finding is written to fuzz/artifacts/<target>/; minimise it with
#   cargo +nightly fuzz tmin --sanitizer none <target> fuzz/artifacts/<target>/crash-…
# and keep it as tests/fixtures/regressions/<name>.txt (tests/regressions.rs runs them all).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
secs="${1:-600}"
target="${2:-parse}"
# MAX_LEN caps generated inputs (import: whole gold files, so larger).
if [ "$target" = import ]; then max_len="${MAX_LEN:-65536}"; else max_len="${MAX_LEN:-8192}"; fi
root="$(pwd)"
mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
seeds=("$root/tests/fixtures")
# (libFuzzer reads seed folders recursively: corpus/ includes corpus/gold/*.json.)
if [ -d ../shared/corpus ]; then seeds+=("$(cd ../shared/corpus && pwd)"); fi
if [ "$target" = import ]; then
  # Real annotation files as seeds: the CLI's export of every text, with a tag and a note on each answer.
  cargo build --quiet --release --bin kamervragen
  exports="$root/fuzz/corpus/import-seeds"
  mkdir -p "$exports"
  for f in tests/fixtures/*.txt ../shared/corpus/*.txt; do
    [ -f "$f" ] || continue
    target/release/kamervragen annotate "$f" | node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const j = JSON.parse(s);
        j.tag_set = [{ name: "Toezegging", color: "#1b7f5b", key: "1", description: "" }];
        j.answers.forEach((a, i) => { a.tags = ["Toezegging"]; a.note = i % 2 ? "" : "Zie ook vraag 1."; });
        process.stdout.write(JSON.stringify(j));
      });' > "$exports/$(basename "$f" .txt).json" || true
  done
  seeds+=("$exports")
fi
exec cargo +nightly fuzz run --sanitizer none "$target" "$root/fuzz/corpus/$target" "${seeds[@]}" -- \
  -max_total_time="$secs" -dict="$root/fuzz/$target.dict" -artifact_prefix="$root/fuzz/artifacts/$target/" \
  -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
