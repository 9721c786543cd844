#!/usr/bin/env bash
# Builds the SMPP decoder fuzzer (libFuzzer, via `swiftc -sanitize=fuzzer`) and runs it.
#
#   Fuzz/run-smpp-fuzz.sh [SECONDS] [extra libFuzzer flags...]
#   Fuzz/run-smpp-fuzz.sh INPUT-FILE...        # replay inputs (e.g. a crash-* file)
#
# SECONDS defaults to 60 (the CI smoke run). The committed seed corpus (Fuzz/corpus/smpp) is
# copied to Fuzz/corpus-run/smpp, which collects new inputs across runs (git-ignored); crashes
# are written to Fuzz/crash-*. Set FUZZ_SANITIZERS=fuzzer,address to add AddressSanitizer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

replay=()
seconds=60
if [[ $# -gt 0 && -f "$1" ]]; then
    for input in "$@"; do replay+=("$(cd "$(dirname "$input")" && pwd)/$(basename "$input")"); done
elif [[ $# -gt 0 ]]; then
    seconds="$1"
    shift
fi
sanitizers="${FUZZ_SANITIZERS:-fuzzer}"
configuration="${FUZZ_CONFIGURATION:-release}"

# `-sanitize=fuzzer` links libFuzzer (with its own `main`) into every module's link; SwiftPM
# also defines `main` for the executable, hence --allow-multiple-definition (either entry point
# works: libFuzzer's calls LLVMFuzzerTestOneInput, ours calls LLVMFuzzerRunDriver).
build_flags=(-c "$configuration" --product SMPPDecoderFuzzer
    -Xswiftc "-sanitize=$sanitizers" -Xlinker --allow-multiple-definition)
cd "$here"
swift build "${build_flags[@]}"

binary="$(swift build "${build_flags[@]}" --show-bin-path)/SMPPDecoderFuzzer"

if [[ ${#replay[@]} -gt 0 ]]; then
    exec "$binary" "${replay[@]}"
fi

mkdir -p corpus-run/smpp
cp -n corpus/smpp/* corpus-run/smpp/ 2>/dev/null || true

exec "$binary" corpus-run/smpp \
    -max_total_time="$seconds" \
    -max_len=4096 \
    -rss_limit_mb=1024 \
    -timeout=10 \
    -print_final_stats=1 \
    -artifact_prefix=crash- \
    "$@"
