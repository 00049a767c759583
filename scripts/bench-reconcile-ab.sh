#!/usr/bin/env bash
# Two bpv binaries' `bpv reconcile` on the generated schools, in interleaved rounds (issue 12; BENCHMARKS.md).
#
#   scripts/bench-reconcile-ab.sh BASE_BIN NEW_BIN [ENTRIES...]   default sizes: 100000 1000000
#
# The schools must exist: run `scripts/bench-reconcile.sh ENTRIES:POKS` once (it generates and imports them into
# Benchmarks/data/roc-ENTRIES/). Then, in RUNS rounds (default 3): for every size, BASE then NEW, each under GNU time.
# Prints one line per run: round, entries, binary, exit status, wall seconds, peak RSS KiB; and the best of each.
# Note: each run keeps its verdicts in the store, and the next run compares with them (the "Changes:" line).
set -u -o pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ $# -ge 2 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
BASE=$1 NEW=$2; shift 2
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(100000 1000000); fi
RUNS=${RUNS:-3} AS_OF=${AS_OF:-2026-03-01}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install -y time)" >&2; exit 2; }
for n in "${SIZES[@]}"; do
    [ -f "Benchmarks/data/roc-$n/bpv.yaml" ] || { echo "no school Benchmarks/data/roc-$n: run scripts/bench-reconcile.sh first" >&2; exit 2; }
done
LOG=Benchmarks/work/logs; mkdir -p "$LOG"
declare -A BEST
for round in $(seq 1 "$RUNS"); do
    for n in "${SIZES[@]}"; do
        for which in base new; do
            bin=$BASE; [ $which = new ] && bin=$NEW
            /usr/bin/time -f "%e %M" -o "$LOG/ab-time.txt" "$bin" reconcile --config "Benchmarks/data/roc-$n/bpv.yaml" \
                --as-of "$AS_OF" > "$LOG/ab-$which-$n-run$round.log" 2>&1
            status=$?
            read -r wall rss < "$LOG/ab-time.txt"
            echo "round $round  $n entries  $which  exit $status  ${wall} s  ${rss} KiB"
            key="$which|$n"
            if [ -z "${BEST[$key]:-}" ] || awk -v a="$wall" -v b="${BEST[$key]}" 'BEGIN { exit !(a < b) }'; then BEST[$key]=$wall; fi
        done
    done
done
for n in "${SIZES[@]}"; do
    echo "best, $n entries: base ${BEST[base|$n]} s, new ${BEST[new|$n]} s, ratio" \
        "$(awk -v a="${BEST[new|$n]}" -v b="${BEST[base|$n]}" 'BEGIN { printf "%.2f", a / b }')"
done
