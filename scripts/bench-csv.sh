#!/usr/bin/env bash
# Benchmark of the CSV hour import (issue "Speed and memory (benchmark, not tests)").
#
#   scripts/bench-csv.sh [ROWS...]          default sizes: 1000000 5000000
#
# For every size: generate a Shiftbase "Roosterdetail" export (once, kept in Benchmarks/data/), then run the steps in
# RUNS interleaved rounds (default 3), keep each step's best wall time and highest peak RSS (GNU time '%e %M'):
#   a. C libcsv_sum        libcsv parse only, sums Pauze: the parser's ceiling
#   b. Python import       csv module + sqlite3, one transaction: what a school would write itself
#   c. bpv parse+map       bpv import hours --dry-run (read, decode, map, validate; nothing stored)
#   d. bpv import          bpv import hours --db ... (everything, into a fresh SQLite dossier)
# and print a Markdown table (also written to Benchmarks/work/last-csv.md). See Benchmarks/README.md.
#
# Environment:
#   RUNS=3                runs per step (best wall time counts)
#   BPV_BIN=path          use this bpv binary instead of building one (skips `swift build`)
#   STEP_TIMEOUT=3600     seconds before one run is killed and counted as failed
#   BENCH_MAPPING=path    mapping file for the bpv steps (default mappings/hours/shiftbase-roosterdetail.yaml)
# Exit status: 0 when every step succeeded, 1 when some step failed (the others still ran), 2 on bad usage or
# missing tools. Installs nothing.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${RUNS:-3}
STEP_TIMEOUT=${STEP_TIMEOUT:-3600}
MAPPING=${BENCH_MAPPING:-mappings/hours/shiftbase-roosterdetail.yaml}
EMPLOYER=bench
DATA=Benchmarks/data
WORK=Benchmarks/work
LOGS=$WORK/logs
OUT_MD=$WORK/last-csv.md
CSUM=$WORK/libcsv_sum
PY_DB=$WORK/python.sqlite
BPV_DB=$WORK/bench.sqlite

if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000000 5000000); fi
for n in "${SIZES[@]}"; do
    if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
        echo "usage: $0 [ROWS...]   (ROWS a positive whole number, e.g. 1000000)" >&2
        exit 2
    fi
done
if ! [[ $RUNS =~ ^[1-9][0-9]*$ ]]; then echo "RUNS must be a positive whole number" >&2; exit 2; fi

# --- tools -------------------------------------------------------------------------------------------------------
missing=()
command -v cc >/dev/null 2>&1 || missing+=("cc (apt-get install -y build-essential)")
command -v python3 >/dev/null 2>&1 || missing+=("python3 (apt-get install -y python3)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install -y time)")
command -v timeout >/dev/null 2>&1 || missing+=("timeout (coreutils)")
if [ ! -e /usr/include/csv.h ]; then missing+=("csv.h (apt-get install -y libcsv-dev)"); fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench-csv: missing tools:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    echo "install them with: apt-get install -y time libcsv-dev" >&2
    exit 2
fi

mkdir -p "$DATA" "$WORK" "$LOGS"
# The benchmark's employer, so that `--employer bench` is a known one (bpv refuses unknown employer ids).
printf 'database: bench.sqlite\nemployers:\n  - id: bench\n    folder: hours/bench\n    mapping: unused.yaml\n' >"$WORK/bench.yaml"
FAILED=0
declare -A WALL RSS STATUS NOTE ROUNDS    # keyed "step|rows"
. "$ROOT/scripts/bench-measure.sh"
NOTES=()

say() { printf '%s\n' "$*" >&2; }

# --- builds ------------------------------------------------------------------------------------------------------
C_OK=1
say "== building $CSUM (cc -O2, -lcsv)"
if ! cc -O2 -o "$CSUM" Benchmarks/csv/libcsv_sum.c -lcsv >"$LOGS/cc.log" 2>&1; then
    say "!! cc failed (see $LOGS/cc.log):"; sed 's/^/   /' "$LOGS/cc.log" | tail -n 20 >&2
    C_OK=0; NOTES+=("C libcsv_sum did not compile: see $LOGS/cc.log")
fi

BPV_OK=1
BPV_WHY=""
if [ -n "${BPV_BIN:-}" ]; then
    BIN=$BPV_BIN
    say "== using BPV_BIN=$BIN (no swift build)"
elif ! command -v swift >/dev/null 2>&1; then
    BIN=""; BPV_OK=0; BPV_WHY="swift not found"
else
    say "== swift build -c release (log: $LOGS/swift-build.log)"
    if swift build -c release >"$LOGS/swift-build.log" 2>&1; then
        BIN="$(swift build -c release --show-bin-path 2>/dev/null)/bpv"
    else
        BIN=""; BPV_OK=0; BPV_WHY="swift build -c release failed (see $LOGS/swift-build.log)"
        say "!! swift build failed:"
        { grep -m 12 -E '^[^ |].*error:' "$LOGS/swift-build.log" || tail -n 25 "$LOGS/swift-build.log"; } | sed 's/^/   /' >&2
    fi
fi
if [ "$BPV_OK" = 1 ] && [ ! -x "$BIN" ]; then BPV_OK=0; BPV_WHY="no executable at $BIN"; fi
if [ "$BPV_OK" = 1 ] && [ ! -f "$MAPPING" ]; then BPV_OK=0; BPV_WHY="mapping $MAPPING not found"; fi
if [ "$BPV_OK" = 0 ]; then say "!! bpv steps will be skipped: $BPV_WHY"; NOTES+=("bpv steps skipped: $BPV_WHY"); fi

# --- measuring ---------------------------------------------------------------------------------------------------
# measure STEP ROWS OK_CODES DB_TO_RESET -- COMMAND...
#   Runs COMMAND once (round $ROUND) under /usr/bin/time; exit codes listed in OK_CODES (e.g. "0 3") count as
#   success. DB_TO_RESET (or "-") is deleted, with its -wal/-shm/-journal, first. The step keeps its best wall time
#   and highest RSS over the rounds; after a failure it is not run again.
measure() {
    local step=$1 rows=$2 ok_codes=$3 db=$4; shift 5
    local key="$step|$rows" run=$ROUND log
    case "${STATUS[$key]:-}" in ""|ok) ;; *) return 0 ;; esac
    log="$LOGS/${step}-${rows}-run${run}.log"
    [ "$db" != "-" ] && rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    time_step "$key" "$step ($rows rows) run $run" "$log" "$ok_codes" -- "$@"
    [ "${STATUS[$key]}" = ok ] && [ "$LAST_RC" = 3 ] && NOTE[$key]="exit 3: some records were rejected, though every generated row is valid: check the mapping (code table) and $log"
    return 0
}

# Compare the "rows=N" a baseline prints with the expected count.
check_rows() {
    local step=$1 rows=$2 log="$LOGS/$1-$2-run1.log" got
    [ "${STATUS[$step|$rows]}" = ok ] || return 0
    got=$(grep -o 'rows=[0-9]*' "$log" | tail -n 1 | cut -d= -f2)
    if [ "$got" != "$rows" ]; then
        NOTE[$step|$rows]="reported rows=${got:-?}, expected $rows"
    fi
}

# Count the rows bpv stored (any table whose name starts with hour_entr), as a sanity check.
check_bpv_db() {
    local rows=$1 counts
    [ "${STATUS[import|$rows]}" = ok ] || return 0
    counts=$(python3 - "$BPV_DB" 2>/dev/null <<'PY'
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'hour_entr%'")]
counts = []
for n in names:
    counts.append("%s=%d" % (n, con.execute('SELECT count(*) FROM "%s"' % n).fetchone()[0]))
print(", ".join(counts) or "no hour_entr* table")
PY
)
    NOTE[import|$rows]="${NOTE[import|$rows]:+${NOTE[import|$rows]}; }stored: ${counts:-could not read $BPV_DB}"
}

for n in "${SIZES[@]}"; do
    csv="$DATA/shiftbase-$n.csv"
    say "== $n rows: $csv"
    if [ ! -f "$csv" ]; then
        say "   generating (Benchmarks/csv/gen_shiftbase.py)"
        if ! python3 Benchmarks/csv/gen_shiftbase.py "$n" "$csv" >"$LOGS/gen-$n.log" 2>&1; then
            say "!! generating $csv failed:"; tail -n 10 "$LOGS/gen-$n.log" | sed 's/^/   /' >&2
            for s in c python dryrun import; do STATUS[$s|$n]="no data"; done
            FAILED=1; continue
        fi
    fi

    # Every employee linked to a studentnummer, as in a real nightly import (so the student index is kept up too).
    aliases="$WORK/aliases-$n.csv"
    if [ ! -f "$aliases" ]; then
        { echo "employer;identity;student"
          cut -d';' -f2 "$csv" | tail -n +2 | sort -u | awk '{ printf "bench;%s;%07d\n", $0, 2400000 + NR }'; } >"$aliases"
    fi
    # Rounds interleave the steps, so that a busy minute on a shared machine falls on all of them alike.
    for ((ROUND = 1; ROUND <= RUNS; ROUND++)); do
        if [ "$C_OK" = 1 ]; then
            measure c "$n" "0" - -- "$CSUM" "$csv"
        else
            STATUS[c|$n]="not built"; FAILED=1
        fi
        measure python "$n" "0" "$PY_DB" -- python3 Benchmarks/csv/python_import.py "$csv" "$PY_DB" "$aliases"
        if [ "$BPV_OK" = 1 ]; then
            measure dryrun "$n" "0 3" - -- "$BIN" import hours --dry-run --mapping "$MAPPING" --employer "$EMPLOYER" --config "$WORK/bench.yaml" "$csv"
            measure import "$n" "0 3" "$BPV_DB" -- sh -c '"$1" alias import --db "$2" "$3" >/dev/null && \
                exec "$1" import hours --db "$2" --mapping "$4" --employer "$5" --config "$7" "$6"' sh \
                "$BIN" "$BPV_DB" "$aliases" "$MAPPING" "$EMPLOYER" "$csv" "$WORK/bench.yaml"
        else
            STATUS[dryrun|$n]="skipped"; STATUS[import|$n]="skipped"; FAILED=1
        fi
    done
    check_rows c "$n"
    check_rows python "$n"
    [ "$BPV_OK" = 1 ] && check_bpv_db "$n"
done

# --- report ------------------------------------------------------------------------------------------------------
label() {
    case $1 in
        c) echo "C libcsv_sum (parse only)" ;;
        python) echo "Python csv + sqlite3 import" ;;
        dryrun) echo "bpv parse+map (--dry-run)" ;;
        import) echo "bpv import (SQLite)" ;;
    esac
}
# ratio STEP ROWS: bpv throughput relative to its reference (rows/s over rows/s = reference wall / own wall).
ratio() {
    local step=$1 n=$2 ref target what
    case $step in
        dryrun) ref=c; target=0.7; what="of C" ;;
        import) ref=python; target=5; what="× Python" ;;
        *) echo "baseline"; return ;;
    esac
    if [ "${STATUS[$step|$n]}" != ok ] || [ "${STATUS[$ref|$n]:-}" != ok ]; then echo "–"; return; fi
    awk -v own="${WALL[$step|$n]}" -v r="${WALL[$ref|$n]}" -v t="$target" -v w="$what" 'BEGIN {
        if (own <= 0 || r <= 0) { print "– (too fast to time)"; exit }
        x = r / own; printf "%.2f %s (target ≥ %s: %s)", x, w, t, (x >= t ? "met" : "NOT met") }'
}

model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
memtotal=$(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo " (with uncommitted changes)")
{
    echo "# CSV import benchmark"
    echo
    echo "- date: $(date '+%Y-%m-%d %H:%M %Z')"
    echo "- machine: $(nproc) CPUs, ${model:-unknown CPU}, ${memtotal:-?} RAM ($(uname -sr))"
    echo "- tools: $(cc --version 2>/dev/null | head -n 1); $(python3 -c 'import sqlite3, sys; print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")'); $(swift --version 2>/dev/null | grep -o 'Swift version [0-9.]*' | head -n 1)"
    echo "- BPVKit commit: $commit$dirty; bpv: ${BIN:-none}${BPV_BIN:+ (BPV_BIN)}"
    echo "- best of $RUNS interleaved rounds per step; peak RSS is the highest of the runs; page cache warm (no cache dropping)"
    for n in "${SIZES[@]}"; do
        f="$DATA/shiftbase-$n.csv"
        [ -f "$f" ] && echo "- data: $f, $(awk -v b="$(stat -c %s "$f")" -v n="$n" 'BEGIN { printf "%.1f MiB, %.0f bytes/row", b / 1048576, b / n }')"
    done
    echo
    echo "| step | rows | best wall s | rows/s | peak RSS MiB | ratio |"
    echo "|---|---:|---:|---:|---:|---|"
    for n in "${SIZES[@]}"; do
        for s in c python dryrun import; do
            k="$s|$n"
            if [ "${STATUS[$k]:-}" = ok ]; then
                awk -v l="$(label "$s")" -v n="$n" -v w="${WALL[$k]}" -v m="${RSS[$k]}" -v r="$(ratio "$s" "$n")" 'BEGIN {
                    rps = (w > 0) ? sprintf("%.0f", n / w) : "–"
                    printf "| %s | %d | %.2f | %s | %.1f | %s |\n", l, n, w, rps, m / 1024, r }'
            else
                echo "| $(label "$s") | $n | ${STATUS[$k]:-not run} | – | – | – |"
            fi
        done
    done
    echo
    echo "Targets: bpv parse+map ≥ 0.7 × the rows/s of C libcsv_sum; bpv import ≥ 5 × the rows/s of the Python import."
    for n in "${SIZES[@]}"; do
        for s in c python dryrun import; do
            [ -n "${NOTE[$s|$n]:-}" ] && echo "- $(label "$s"), $n rows: ${NOTE[$s|$n]}"
        done
    done
    for note in "${NOTES[@]}"; do echo "- $note"; done
    echo "- logs of every run: $LOGS/"
} | tee "$OUT_MD"

say "== written to $OUT_MD"
exit "$FAILED"
