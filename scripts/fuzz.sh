#!/usr/bin/env bash
# Fuzzes the readers (HourFileReader, RecordFileReader, with the mappings of mappings/) with libFuzzer and
# AddressSanitizer, through the bpv-fuzz target (Sources/bpv-fuzz). An input is one selector byte (which mapping,
# see FuzzHarness.mappingList) followed by the file's bytes.
#
# Usage:
#   scripts/fuzz.sh [SECONDS]          build the fuzzer (release, -sanitize=fuzzer,address, in .build-fuzz) and fuzz
#                                      for SECONDS (default 60) on Tests/Fuzz/corpus with Tests/Fuzz/bpv.dict; new
#                                      inputs go to .build-fuzz/run/corpus, findings to .build-fuzz/run/artifacts.
#                                      Exits non-zero on a crash, a hang (> FUZZ_TIMEOUT s per input) or running
#                                      out of memory, and prints the input that did it.
#   scripts/fuzz.sh --replay [PATH...] ordinary debug build of bpv-fuzz (no libFuzzer, no ASan) and every file of
#                                      Tests/Fuzz/corpus (and PATHs: files or folders) through the same function:
#                                      fast, for CI. Exits non-zero when an input crashes.
#   scripts/fuzz.sh --asan PATH...     the fuzzer build, running each input (files or folders) FUZZ_RUNS times
#                                      (default 100) under ASan, e.g. Tests/Fuzz/known (inputs of known bugs).
#   scripts/fuzz.sh --seed             rewrites Tests/Fuzz/corpus from the samples and test fixtures.
#
# Environment: FUZZ_TIMEOUT (seconds per input, default 10), FUZZ_MAX_LEN (bytes, default 16384), FUZZ_RSS_MB
# (default 2048), FUZZ_FLAGS (more libFuzzer flags, e.g. -seed=1), FUZZ_SCRATCH (default .build-fuzz), SCRATCH
# (scratch path of the replay build, default SwiftPM's .build), BPV_BUILD_LOCK (a file: builds run under flock),
# BPV_FUZZ_SKIP (mapping indices whose inputs are skipped, e.g. 16 to fuzz past a known bug).
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=Tests/Fuzz/corpus
DICT=Tests/Fuzz/bpv.dict
FUZZ_SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}

# Builds run under flock when BPV_BUILD_LOCK names a lock file (a shared machine); the fuzz run itself does not.
locked() {
    if [ -n "${BPV_BUILD_LOCK:-}" ]; then flock "$BPV_BUILD_LOCK" "$@"; else "$@"; fi
}

seed() {
    # selector byte (see FuzzHarness: the mappingList index, + 32 for the preview's way) and file; the corpus file
    # is named NN-basename.
    local seeds=(
        0 samples/inbox/hours/podiumbouw-oost/Roosterdetail_01-10-2026_30-11-2026.csv
        1 samples/inbox/hours/klankwerk-events/kimai-export-2026-10-01-2026-11-30.csv
        1 Tests/BPVIngestTests/Fixtures/hours/kimai-bad-rows.csv
        2 samples/inbox/hours/theater-vechtkamer/Clockify_Time_Report_Detailed_10_01_2026-11_30_2026.csv
        3 samples/inbox/hours/bytebrug-ict/Toggl_Track_time_entries_2026-10-01_to_2026-11-30.csv
        4 samples/inbox/hours/netwerk-noord/Clockify_Time_Report_Detailed_01_10_2026-30_11_2026.csv
        5 samples/inbox/hours/flexpool-uitzend/Nacalculatie_2026-10-01_2026-11-30.csv
        6 samples/inbox/hours/tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml
        6 samples/inbox/hours/tijdwerk-uitzend/TimeCard_TW-40117_2026-W49_correctie.xml
        6 Tests/BPVIngestTests/Fixtures/xml/setu-bad-records.xml
        6 Tests/BPVIngestTests/Fixtures/xml/setu-other-prefix-envelope.xml
        6 Tests/BPVIngestTests/Fixtures/xml/setu-prefixed-zulu.xml
        6 Tests/BPVIngestTests/Fixtures/xml/xxe-local-file.xml
        6 Tests/BPVIngestTests/Fixtures/xml/truncated.xml
        7 samples/inbox/hours/vechtgroep-holding/Urenverantwoording_VG_2026-12.xml
        7 Tests/BPVIngestTests/Fixtures/xml/vechtgroep-latin1.xml
        7 Tests/BPVIngestTests/Fixtures/xml/vechtgroep-utf16-bom.xml
        7 Tests/BPVIngestTests/Fixtures/xml/vechtgroep-cp1252-undeclared.xml
        7 Tests/BPVIngestTests/Fixtures/xml/billion-laughs.xml
        7 Tests/BPVIngestTests/Fixtures/xml/undeclared-entity.xml
        8 samples/inbox/reference/sbb/erkenningen-2026-11-02.csv
        8 Tests/BPVIngestTests/Fixtures/reference/erkenningen-bad.csv
        9 samples/reference-xml/sbb-erkenningen-2026-11-02.xml
        9 Tests/BPVIngestTests/Fixtures/reference/erkenningen-bad.xml
        9 Tests/BPVIngestTests/Fixtures/reference/erkenningen-no-records.xml
        10 samples/inbox/reference/crebo/crebolijst-2026-kwalificaties.csv
        10 Tests/BPVIngestTests/Fixtures/reference/crebolijst-bad.csv
        11 samples/inbox/reference/crebo-vervallen/crebolijst-2026-vervallen.csv
        11 Tests/BPVIngestTests/Fixtures/reference/crebolijst-vervallen-bad.csv
        12 samples/inbox/reference/dossier/kwalificatiedossiers-2026.xml
        13 samples/inbox/reference/dossier/kwalificatiedossiers-2026.xml
        13 Tests/BPVIngestTests/Fixtures/reference/dossier-bad.xml
        14 samples/inbox/reference/dossier/kwalificatiedossiers-2026.xml
        14 Tests/BPVIngestTests/Fixtures/reference/dossier-truncated.xml
        15 samples/school/poks.csv
        # 17: Kimai without an employer (the file is refused after its header is read). Its XML twin (16, SETU
        # without an employer) is in Tests/Fuzz/known/ until the parse thread is joined when the reader's init throws.
        17 Tests/BPVIngestTests/Fixtures/hours/kimai-bad-rows.csv
        # selector + 32 (bit 5): the same mappings read the preview's way (nextInspected / next)
        33 Tests/BPVIngestTests/Fixtures/hours/kimai-bad-rows.csv
        38 Tests/BPVIngestTests/Fixtures/xml/setu-bad-records.xml
        40 Tests/BPVIngestTests/Fixtures/reference/erkenningen-bad.csv
    )
    mkdir -p "$CORPUS"
    rm -f "$CORPUS"/[0-9][0-9]-*
    local i
    for ((i = 0; i < ${#seeds[@]}; i += 2)); do
        local selector=${seeds[i]} file=${seeds[i+1]}
        local name
        name=$(printf '%02d-%s' "$selector" "$(basename "$file")")
        { printf "\\x$(printf %02x "$selector")"; cat "$file"; } > "$CORPUS/$name"
    done
    echo "wrote $((${#seeds[@]} / 2)) seeds to $CORPUS ($(du -sh "$CORPUS" | cut -f1))"
}

replay() {
    local scratch=()
    [ -n "${SCRATCH:-}" ] && scratch=(--scratch-path "$SCRATCH")
    locked swift build "${scratch[@]}" --product bpv-fuzz
    local bin log status=0
    bin="$(swift build "${scratch[@]}" --show-bin-path)/bpv-fuzz"
    # Into a file, not a pipe, and under timeout: after a crash on a thread of its own, Swift's backtracer can
    # outlive the process and hold a pipe open for good.
    log=$(mktemp)
    timeout "${REPLAY_TIMEOUT:-600}" "$bin" "$CORPUS" "$@" > "$log" 2>&1 || status=$?
    cat "$log"
    rm -f "$log"
    if [ "$status" -ne 0 ]; then
        echo "fuzz --replay: FAILED (exit status $status): the last input listed above crashed or hung" >&2
        exit 1
    fi
}

# The fuzzer build (libFuzzer + ASan) in FUZZ_SCRATCH.
build_fuzzer() {
    locked swift build -c release --scratch-path "$FUZZ_SCRATCH" --product bpv-fuzz \
        -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address
}

# Runs inputs (files, or every file of a folder) FUZZ_RUNS times each (default 100) in the fuzzer build, under
# ASan: for memory errors the ordinary replay may not show (a use-after-free that reads stale but mapped memory).
asan() {
    build_fuzzer
    local files=() arg
    for arg in "$@"; do
        if [ -d "$arg" ]; then while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -maxdepth 1 -type f | sort)
        else files+=("$arg"); fi
    done
    [ ${#files[@]} -gt 0 ] || { echo "fuzz --asan: no input given" >&2; exit 2; }
    # One process per input: libFuzzer stops at the first report (a leak is reported when the process ends).
    local failed=0 f
    for f in "${files[@]}"; do
        if SWIFT_BACKTRACE=enable=no "$FUZZ_SCRATCH/release/bpv-fuzz" -runs="${FUZZ_RUNS:-100}" "$f" > "$FUZZ_SCRATCH/asan.log" 2>&1; then
            echo "ok      $f"
        else
            failed=$((failed + 1))
            echo "FAILED  $f"
            grep -m1 -A12 -E "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)" "$FUZZ_SCRATCH/asan.log" \
                | { swift demangle --simplified 2>/dev/null || cat; } | sed 's/^/        /'
        fi
    done
    echo "fuzz --asan: ${#files[@]} input(s), $failed failed"
    [ "$failed" -eq 0 ]
}

fuzz() {
    local seconds=${1:-60}
    build_fuzzer
    local bin="$FUZZ_SCRATCH/release/bpv-fuzz"
    local run="$FUZZ_SCRATCH/run"
    mkdir -p "$run/corpus" "$run/artifacts"
    local status=0
    # Swift's own crash backtracer would catch a trap before libFuzzer does, and its memory reader trips ASan (a
    # false "unknown-crash" report and no crash file): leave traps to libFuzzer's handler.
    export SWIFT_BACKTRACE=enable=no
    # New inputs go to the first folder (scratch); the committed corpus is read, never written.
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
        -max_len="${FUZZ_MAX_LEN:-16384}" -dict="$DICT" -artifact_prefix="$run/artifacts/" -print_final_stats=1 \
        ${FUZZ_FLAGS:-} "$run/corpus" "$CORPUS" 2>&1 | tee "$run/last.log" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "fuzz: FAILED (libFuzzer exit status $status); log: $run/last.log" >&2
        # The report's first frames, with Swift's names demangled.
        grep -m1 -A24 -E "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)" "$run/last.log" \
            | { swift demangle --simplified 2>/dev/null || cat; } >&2 || true
        local unit
        unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$run/last.log" | tail -1)
        if [ -n "$unit" ]; then
            echo "fuzz: the input: $unit ($(wc -c < "$unit") bytes, selector byte $(od -An -tu1 -N1 "$unit" | tr -d ' '))" >&2
            echo "fuzz: replay it: scripts/fuzz.sh --replay $unit (a trap), scripts/fuzz.sh --asan $unit (a leak or" \
                "another ASan report)" >&2
        fi
        exit 1
    fi
    echo "fuzz: no crash in ${seconds} s; $(find "$run/corpus" -type f | wc -l) inputs in $run/corpus"
}

case "${1:-}" in
    --replay) shift; replay "$@" ;;
    --asan) shift; asan "$@" ;;
    --seed) seed ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' ;;
    *) fuzz "$@" ;;
esac
