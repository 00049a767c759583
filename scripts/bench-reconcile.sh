#!/usr/bin/env bash
# Benchmark of `bpv reconcile` on a large ROC (issue #12, "Speed and memory (benchmark, not tests)").
#
#   scripts/bench-reconcile.sh [ENTRIES[:POKS]...]   default: 100000:1000 1000000:10000 3500000:16000
#
# For every size (hour entries, POKs; POKS defaults to ENTRIES / 100):
#   1. generate a synthetic school once (Benchmarks/reconcile/gen_roc.py into Benchmarks/data/roc-ENTRIES/, kept and
#      reused while its roc.json matches the sizes, the generator and the mappings): 200 employers' Shiftbase
#      exports, students, POKs, aliases and a bpv.yaml;
#   2. import it once into a fresh store: `bpv run --config .../bpv.yaml` (timed, for the record; not judged);
# then, in RUNS interleaved rounds (default 3; round 1: every size, round 2: every size, ...):
#   3. `bpv reconcile --config .../bpv.yaml --as-of 2026-03-01`, under GNU time ('%e %M'),
# keeping each size's best wall time and highest peak RSS, and print a Markdown table (also written to
# Benchmarks/work/last-reconcile.md) with entries/s, µs per entry and the growth between sizes (the time per
# entry of a size over that of the size before: 1.00 is linear). See Benchmarks/README.md.
#
# Environment:
#   RUNS=3                runs of the reconciliation per size (best wall time counts)
#   BPV_BIN=path          use this bpv binary instead of building one (skips `swift build`)
#   BPV_SCRATCH=path      `swift build --scratch-path` for the build (default: SwiftPM's .build)
#   AS_OF=2026-03-01      the reconciliation's reference date
#   STEP_TIMEOUT=3600     seconds before one run is killed and counted as failed
#   KEEP_STORE=1          reuse a size's store when it exists (skip step 2; the import's row shows "kept")
# Exit status: 0 when every step succeeded, 1 when some step failed (the others still ran), 2 on bad usage or
# missing tools. Installs nothing.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${RUNS:-3}
STEP_TIMEOUT=${STEP_TIMEOUT:-3600}
AS_OF=${AS_OF:-2026-03-01}
DATA=Benchmarks/data
WORK=Benchmarks/work
LOGS=$WORK/logs
OUT_MD=$WORK/last-reconcile.md
GEN=Benchmarks/reconcile/gen_roc.py

usage() {
    echo "usage: $0 [ENTRIES[:POKS]...]   (whole numbers, e.g. 1000000:10000; default 100000:1000 1000000:10000 3500000:16000)" >&2
    exit 2
}
if [ $# -gt 0 ]; then SPECS=("$@"); else SPECS=(100000:1000 1000000:10000 3500000:16000); fi
SIZES=()
declare -A POKS
for spec in "${SPECS[@]}"; do
    [[ $spec =~ ^([1-9][0-9]*)(:([1-9][0-9]*))?$ ]] || usage
    n=${BASH_REMATCH[1]}
    p=${BASH_REMATCH[3]:-$(( n / 100 > 0 ? n / 100 : 1 ))}
    [ -n "${POKS[$n]:-}" ] && { echo "size $n given twice" >&2; exit 2; }
    SIZES+=("$n"); POKS[$n]=$p
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive whole number" >&2; exit 2; }
[[ $AS_OF =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "AS_OF must be yyyy-MM-dd" >&2; exit 2; }

# --- tools -------------------------------------------------------------------------------------------------------
missing=()
command -v python3 >/dev/null 2>&1 || missing+=("python3 (apt-get install -y python3)")
command -v python3 >/dev/null 2>&1 && ! python3 -c 'import yaml' 2>/dev/null && missing+=("PyYAML (apt-get install -y python3-yaml)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install -y time)")
command -v timeout >/dev/null 2>&1 || missing+=("timeout (coreutils)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench-reconcile: missing tools:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 2
fi

mkdir -p "$DATA" "$WORK" "$LOGS"
FAILED=0
declare -A WALL RSS STATUS NOTE ROUNDS   # keyed "step|entries"; steps: gen, import, reconcile
. "$ROOT/scripts/bench-measure.sh"
NOTES=()
say() { printf '%s\n' "$*" >&2; }

# --- build -------------------------------------------------------------------------------------------------------
BPV_OK=1
BPV_WHY=""
if [ -n "${BPV_BIN:-}" ]; then
    BIN=$BPV_BIN
    say "== using BPV_BIN=$BIN (no swift build)"
elif ! command -v swift >/dev/null 2>&1; then
    BIN=""; BPV_OK=0; BPV_WHY="swift not found"
else
    scratch=()
    [ -n "${BPV_SCRATCH:-}" ] && scratch=(--scratch-path "$BPV_SCRATCH")
    say "== swift build -c release --product bpv ${scratch[*]} (log: $LOGS/swift-build-reconcile.log)"
    if swift build -c release --product bpv "${scratch[@]}" >"$LOGS/swift-build-reconcile.log" 2>&1; then
        BIN="$(swift build -c release "${scratch[@]}" --show-bin-path 2>/dev/null)/bpv"
    else
        BIN=""; BPV_OK=0; BPV_WHY="swift build -c release failed (see $LOGS/swift-build-reconcile.log)"
        { grep -m 12 -E '^[^ |].*error:' "$LOGS/swift-build-reconcile.log" || tail -n 25 "$LOGS/swift-build-reconcile.log"; } | sed 's/^/   /' >&2
    fi
fi
if [ "$BPV_OK" = 1 ] && [ ! -x "$BIN" ]; then BPV_OK=0; BPV_WHY="no executable at $BIN"; fi
if [ "$BPV_OK" = 0 ]; then say "!! bpv steps will be skipped: $BPV_WHY"; NOTES+=("bpv steps skipped: $BPV_WHY"); FAILED=1; fi

# --- measuring ---------------------------------------------------------------------------------------------------
# measure STEP ENTRIES OK_CODES -- COMMAND...
#   Runs COMMAND once under /usr/bin/time (log: $LOGS/reconcile-STEP-ENTRIES-runN.log, N = $ROUND); exit codes in
#   OK_CODES count as success. Keeps the best wall time, the highest RSS and every round's time; a step that
#   failed is not run again.
measure() {
    local step=$1 n=$2 ok_codes=$3; shift 4
    local key="$step|$n" log
    case "${STATUS[$key]:-}" in ""|ok) ;; *) return 0 ;; esac
    log="$LOGS/reconcile-${step}-${n}-run${ROUND}.log"
    time_step "$key" "$step ($n entries) run $ROUND" "$log" "$ok_codes" -- "$@"
}

# --- data and import, once per size --------------------------------------------------------------------------------
ROUND=1
for n in "${SIZES[@]}"; do
    p=${POKS[$n]}
    dir=$DATA/roc-$n
    say "== $n entries, $p POKs: $dir"
    if python3 "$GEN" "$n" "$p" "$dir" --check; then
        STATUS[gen|$n]=kept
    else
        say "   generating ($GEN $n $p $dir)"
        rm -rf "$dir"
        measure gen "$n" "0" -- python3 "$GEN" "$n" "$p" "$dir"
        if [ "${STATUS[gen|$n]}" != ok ]; then
            STATUS[import|$n]="no data"; STATUS[reconcile|$n]="no data"; continue
        fi
    fi
    [ "$BPV_OK" = 1 ] || { STATUS[import|$n]=skipped; STATUS[reconcile|$n]=skipped; continue; }
    if [ "${KEEP_STORE:-0}" = 1 ] && [ -f "$dir/out/bpv.sqlite" ] && [ "${STATUS[gen|$n]}" = kept ]; then
        STATUS[import|$n]=kept; say "   store kept (KEEP_STORE=1)"; continue
    fi
    rm -rf "$dir/out"
    # 0: all stored; 3: some records rejected (flagged below: every generated record is valid).
    measure import "$n" "0 3" -- "$BIN" run --config "$dir/bpv.yaml"
    if [ "${STATUS[import|$n]}" != ok ]; then STATUS[reconcile|$n]="no store"; continue; fi
    [ "$LAST_RC" = 3 ] &&
        NOTE[import|$n]="exit 3: some records were rejected, though every generated record is valid: see $LOGS/reconcile-import-$n-run1.log"
done

# --- the reconciliation, in interleaved rounds ---------------------------------------------------------------------
for ((ROUND = 1; ROUND <= RUNS; ROUND++)); do
    say "== round $ROUND of $RUNS"
    for n in "${SIZES[@]}"; do
        case "${STATUS[import|$n]:-}" in ok|kept) ;; *) continue ;; esac
        measure reconcile "$n" "0" -- "$BIN" reconcile --config "$DATA/roc-$n/bpv.yaml" --as-of "$AS_OF"
    done
done

# Every entry judged? The first line says "Reconciliation on DATE: N hour entries, C counted (...)".
for n in "${SIZES[@]}"; do
    [ "${STATUS[reconcile|$n]:-}" = ok ] || continue
    log="$LOGS/reconcile-reconcile-$n-run1.log"
    line=$(grep -m 1 '^Reconciliation on' "$log")
    got=$(sed -n 's/^Reconciliation on [^:]*: \([0-9]*\) hour entries, \([0-9]*\) counted.*/\1 \2/p' <<<"$line")
    read -r judged counted <<<"$got"
    if [ "${judged:-}" != "$n" ]; then
        NOTE[reconcile|$n]="judged ${judged:-?} entries, expected $n (see $log)"; STATUS[reconcile|$n]="wrong count"; FAILED=1
    else
        poks=$(grep -c -E '^  (on_track|behind|at_risk|done|ended_short|no_norm) ' "$log")
        NOTE[reconcile|$n]="$judged entries judged, $counted counted ($(awk -v c="$counted" -v n="$n" 'BEGIN { printf "%.1f", 100 * c / n }') %); $poks POK lines (of ${POKS[$n]})"
        if [ "$poks" = 0 ]; then
            NOTE[reconcile|$n]="$judged entries judged, $counted counted; no POK lines found (has the summary's layout changed?)"
        elif [ "$poks" != "${POKS[$n]}" ]; then
            STATUS[reconcile|$n]="wrong POK count"; FAILED=1
        fi
    fi
done

# --- report ------------------------------------------------------------------------------------------------------
target() {  # the issue's targets: 1M entries / 10k POKs < 2 s; 3.5M / 16k < 8 s; peak RSS < 256 MiB everywhere
    local n=$1 p=$2 w=$3 m=$4 t="" verdict
    [ "$n" = 1000000 ] && [ "$p" = 10000 ] && t=2
    [ "$n" = 3500000 ] && [ "$p" = 16000 ] && t=8
    verdict=$(awk -v m="$m" 'BEGIN { printf "RSS < 256 MiB: %s", (m / 1024 < 256 ? "met" : "NOT met") }')
    [ -n "$t" ] && verdict="$(awk -v w="$w" -v t="$t" 'BEGIN { printf "< %d s: %s", t, (w < t ? "met" : "NOT met") }'); $verdict"
    echo "$verdict"
}
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
memtotal=$(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo " (with uncommitted changes)")
{
    echo "# Reconciliation benchmark"
    echo
    echo "- date: $(date '+%Y-%m-%d %H:%M %Z')"
    echo "- machine: $(nproc) CPUs, ${model:-unknown CPU}, ${memtotal:-?} RAM ($(uname -sr))"
    echo "- tools: $(swift --version 2>/dev/null | grep -o 'Swift version [0-9.]*' | head -n 1); $(python3 --version 2>&1)"
    echo "- BPVKit commit: $commit$dirty; bpv: ${BIN:-none}${BPV_BIN:+ (BPV_BIN)}"
    echo "- \`bpv reconcile --config Benchmarks/data/roc-N/bpv.yaml --as-of $AS_OF\`, best of $RUNS interleaved rounds; peak RSS the highest of the runs; page cache warm"
    for n in "${SIZES[@]}"; do
        f=$DATA/roc-$n/roc.json
        [ -f "$f" ] && python3 - "$f" "$DATA/roc-$n" <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1]))
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(sys.argv[2], "inbox")) for f in fs)
db = os.path.join(sys.argv[2], "out", "bpv.sqlite")
store = f", store {os.path.getsize(db) / 1048576:.0f} MiB" if os.path.exists(db) else ""
print(f"- data: {sys.argv[2]}: {m['entries']} entries in {m['employers']} exports ({size / 1048576:.0f} MiB), "
      f"{m['students']} students, {m['poks']} POKs ({m['students_with_two_poks']} students with two){store}")
PY
    done
    echo
    echo "| entries | POKs | best wall s | rounds s | entries/s | µs/entry | peak RSS MiB | growth | targets |"
    echo "|---:|---:|---:|---|---:|---:|---:|---|---|"
    prev=""
    for n in "${SIZES[@]}"; do
        k="reconcile|$n"
        if [ "${STATUS[$k]:-}" = ok ]; then
            growth="–"
            if [ -n "$prev" ]; then
                growth=$(awk -v w="${WALL[$k]}" -v n="$n" -v pw="${WALL[reconcile|$prev]}" -v pn="$prev" 'BEGIN {
                    if (pw <= 0 || w <= 0) { print "–"; exit }
                    printf "×%.2f time for ×%.2f entries: %.2f per entry", w / pw, n / pn, (w / n) / (pw / pn) }')
            fi
            awk -v n="$n" -v p="${POKS[$n]}" -v w="${WALL[$k]}" -v m="${RSS[$k]}" -v r="${ROUNDS[$k]}" -v g="$growth" \
                -v t="$(target "$n" "${POKS[$n]}" "${WALL[$k]}" "${RSS[$k]}")" 'BEGIN {
                eps = (w > 0) ? sprintf("%.0f", n / w) : "–"
                us = sprintf("%.2f", 1e6 * w / n)
                printf "| %d | %d | %.2f | %s | %s | %s | %.1f | %s | %s |\n", n, p, w, r, eps, us, m / 1024, g, t }'
            prev=$n
        else
            echo "| $n | ${POKS[$n]} | ${STATUS[$k]:-not run} | – | – | – | – | – | – |"
        fi
    done
    echo
    echo "Targets (issue #12): under 2 s for 1M entries and 10k POKs, under 8 s for 3.5M entries and 16k POKs, peak RSS"
    echo "under 256 MiB; time per entry about constant (growth ≈ 1.00)."
    echo
    echo "Data and import, once per size (for the record; the import also reconciles, on today's date, and writes the"
    echo "run record's hours.csv and reconciliation.json):"
    echo
    echo "| entries | generate s | bpv run (import) s | import entries/s | import peak RSS MiB |"
    echo "|---:|---:|---:|---:|---:|"
    for n in "${SIZES[@]}"; do
        g=${STATUS[gen|$n]:-}; [ "$g" = ok ] && g=${WALL[gen|$n]}
        if [ "${STATUS[import|$n]:-}" = ok ]; then
            awk -v n="$n" -v g="$g" -v w="${WALL[import|$n]}" -v m="${RSS[import|$n]}" 'BEGIN {
                printf "| %d | %s | %.2f | %s | %.1f |\n", n, g, w, (w > 0 ? sprintf("%.0f", n / w) : "–"), m / 1024 }'
        else
            echo "| $n | $g | ${STATUS[import|$n]:-not run} | – | – |"
        fi
    done
    echo
    for n in "${SIZES[@]}"; do
        for s in gen import reconcile; do
            [ -n "${NOTE[$s|$n]:-}" ] && echo "- $s, $n entries: ${NOTE[$s|$n]}"
        done
    done
    for note in "${NOTES[@]}"; do echo "- $note"; done
    echo "- logs of every run: $LOGS/reconcile-*"
} | tee "$OUT_MD"

say "== written to $OUT_MD"
exit "$FAILED"
