#!/usr/bin/env bash
# Benchmark of the final results and one export on a large ROC (issue 14, "Speed").
#
#   scripts/bench-results.sh [ENTRIES:POKS]     default: 160000:16000
#
# 1. generates the school once (Benchmarks/reconcile/gen_roc.py, then Benchmarks/results/gen_evidence.py for the
#    bpv application's assessments and documents, the programme files and the SIS export layout) into
#    Benchmarks/data/roc-results-ENTRIES/, and imports it into a fresh store with `bpv run` (not judged);
# 2. in RUNS rounds (default 3) times, under GNU time ('%e %M'), each on the same store and date:
#      reconcile  `bpv reconcile --as-of AS_OF`            (the baseline: the counted hours the results need)
#      results    `bpv results --as-of AS_OF --format csv` (reconciliation + every POK judged)
#      export     `bpv export results --layout mappings/exports/sis-bpv-resultaat.yaml --full --as-of AS_OF`
#    and prints each step's best wall time and highest peak RSS, and results and export over the baseline (as a
#    ratio, and the difference: the stage's own time, as both commands reconcile first).
# Environment: RUNS=3, AS_OF=2026-07-15, BPV_BIN=path (else the release build's bpv; build it first, under the lock).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZE=${1:-160000:16000}
ENTRIES=${SIZE%%:*}; POKS=${SIZE##*:}
RUNS=${RUNS:-3}; AS_OF=${AS_OF:-2026-07-15}
DIR=Benchmarks/data/roc-results-$ENTRIES
WORK=Benchmarks/work/results; mkdir -p "$WORK"
BIN=${BPV_BIN:-$(swift build -c release --show-bin-path)/bpv}
[ -x "$BIN" ] || { echo "no bpv at $BIN: swift build -c release --product bpv (under the build lock)" >&2; exit 2; }
if [ ! -f "$DIR/onstage/documenten.csv" ]; then
    python3 Benchmarks/reconcile/gen_roc.py "$ENTRIES" "$POKS" "$DIR" >"$WORK/gen.log"
    python3 Benchmarks/results/gen_evidence.py "$DIR" >>"$WORK/gen.log"
fi
rm -rf "$DIR/out"
set +e
/usr/bin/time -f '%e %M' -o "$WORK/import.time" "$BIN" run --config "$DIR/bpv.yaml" >"$WORK/import.log" 2>&1
rc=$?; set -e
[ $rc -eq 0 ] || [ $rc -eq 3 ] || { echo "import failed (exit $rc), see $WORK/import.log" >&2; exit 1; }
echo "import: $(cat "$WORK/import.time") (s, KiB)"
declare -A BEST PEAK
for round in $(seq "$RUNS"); do
    for step in reconcile results export; do
        case $step in
            reconcile) cmd=("$BIN" reconcile --config "$DIR/bpv.yaml" --as-of "$AS_OF") ;;
            results) cmd=("$BIN" results --config "$DIR/bpv.yaml" --as-of "$AS_OF" --format csv) ;;
            export) cmd=("$BIN" export results --config "$DIR/bpv.yaml" --layout mappings/exports/sis-bpv-resultaat.yaml
                         --out "$WORK/export" --full --as-of "$AS_OF") ;;
        esac
        /usr/bin/time -f '%e %M' -o "$WORK/$step.time" "${cmd[@]}" >"$WORK/$step.log" 2>&1
        read -r wall rss < "$WORK/$step.time"
        if [ -z "${BEST[$step]:-}" ] || awk "BEGIN{exit !($wall < ${BEST[$step]})}"; then BEST[$step]=$wall; fi
        if [ -z "${PEAK[$step]:-}" ] || [ "$rss" -gt "${PEAK[$step]}" ]; then PEAK[$step]=$rss; fi
        echo "round $round $step: $wall s, $rss KiB"
    done
done
echo
echo "| step | best wall (s) | peak RSS (MiB) | over reconcile | minus reconcile (s) |"
echo "|---|---|---|---|---|"
for step in reconcile results export; do
    awk -v s="$step" -v w="${BEST[$step]}" -v r="${PEAK[$step]}" -v b="${BEST[reconcile]}" \
        'BEGIN{printf "| %s | %.2f | %.0f | %.2f | %.2f |\n", s, w, r/1024, w/b, w-b}'
done
grep -o '[0-9]* rows' "$WORK/export.log" | head -1 | sed 's/^/export: /'
