#!/usr/bin/env bash
# Times the rendering of a large school's report (issue 15): generates the synthetic ROC of
# Benchmarks/reconcile/gen_roc.py (ENTRIES hour entries, POKS POKs; default 1000000 16000), runs the nightly job
# once on it (which writes the report and keeps report-data.json), then renders that run's report again RUNS times
# with `bpv report --out` (release build), printing wall, user and system seconds and peak memory of each.
# Run it under the build lock on a shared machine:  flock /tmp/bpv-build.lock scripts/bench-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES=${1:-1000000}
POKS=${2:-16000}
RUNS=${RUNS:-3}
data=Benchmarks/data/roc-report-$ENTRIES-$POKS
out=Benchmarks/work/report-$ENTRIES-$POKS
swift build -c release --product bpv >/dev/null
bin="$(swift build -c release --show-bin-path)/bpv"
if ! python3 Benchmarks/reconcile/gen_roc.py "$ENTRIES" "$POKS" "$data" --check 2>/dev/null; then
    rm -rf "$data"
    python3 Benchmarks/reconcile/gen_roc.py "$ENTRIES" "$POKS" "$data"
fi
if ! ls "$data"/out/reports/*/report-data.json >/dev/null 2>&1; then
    echo "nightly run (imports, reconciles, writes the report):"
    /usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KB peak" "$bin" run --config "$data/bpv.yaml" >/dev/null || true
fi
echo "bpv report --out (decode report-data.json, render every page, write): $ENTRIES entries, $POKS POKs"
for i in $(seq "$RUNS"); do
    rm -rf "$out"
    /usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KB peak" "$bin" report --config "$data/bpv.yaml" --out "$out" >/dev/null
done
echo "  pages: $(find "$out" -name '*.html' | wc -l), $(du -sh "$out" | cut -f1)"
