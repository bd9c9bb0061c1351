#!/usr/bin/env bash
# Fuzzes the parser (fuzz/fuzz_targets/parse.rs: parse + export + view +
# offset conversions, invariants in fuzz/check.rs) for [seconds] (default 600),
# seeded with tests/fixtures (incl. regressions/) and ../shared/corpus.
#   bash scripts/fuzz.sh 600            # needs cargo-fuzz and a nightly toolchain
# A finding is written to fuzz/artifacts/parse/; minimise it with
#   cargo +nightly fuzz tmin parse fuzz/artifacts/parse/crash-…
# and keep it as tests/fixtures/regressions/<name>.txt (tests/regressions.rs runs them all).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
secs="${1:-600}"  # MAX_LEN (default 8192) caps generated inputs
root="$(pwd)"
mkdir -p fuzz/corpus/parse fuzz/artifacts/parse
seeds=("$root/tests/fixtures")
if [ -d ../shared/corpus ]; then seeds+=("$(cd ../shared/corpus && pwd)"); fi
exec cargo +nightly fuzz run --sanitizer none parse "$root/fuzz/corpus/parse" "${seeds[@]}" -- \
  -max_total_time="$secs" -dict="$root/fuzz/parse.dict" -artifact_prefix="$root/fuzz/artifacts/parse/" \
  -max_len="${MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
