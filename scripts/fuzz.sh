#!/usr/bin/env bash
# Long fuzzing runs, outside CI (needs nightly and cargo-fuzz: `cargo install cargo-fuzz`).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 300)
# 1. cargo-fuzz (libFuzzer) on the session and protocol parsers, and the fast session reader
#    and canonical writer against ron, seeded with the bundled files;
# 2. the property-based mutation test with 100 000 cases.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
for target in session_file session_reader protocol_file; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    if [ "$target" != protocol_file ]; then cp data/examples/*.ron tests/golden/*.ron "$corpus/"; else cp data/protocols/*.ron "$corpus/"; fi
    cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=200000 2>&1 | tail -n 3
done
PROPTEST_CASES=100000 cargo test --release --locked parser_mutation
