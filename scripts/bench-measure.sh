# Sourced by the benchmark scripts (bench-csv.sh, bench-reconcile.sh): one run of one step, timed and kept.
#
# time_step KEY UNIT_TEXT LOG OK_CODES -- COMMAND...
#   Runs COMMAND once under GNU time (wall seconds, peak RSS), with $STEP_TIMEOUT, output to LOG. Exit codes in
#   OK_CODES (e.g. "0 3") count as success. On success the step KEY keeps its best wall time (WALL), its highest
#   RSS (RSS) and its rounds (ROUNDS), and STATUS[KEY]=ok; on a failure or a time-out STATUS says so, the last lines
#   of LOG are shown and FAILED=1. LAST_RC is the exit code. UNIT_TEXT names the run in messages
#   ("import (100000 rows) run 2"). Needs the caller's arrays STATUS WALL RSS ROUNDS and its `say`.
time_step() {
    local key=$1 what=$2 log=$3 ok_codes=$4; shift 5
    local tf rc wall rss
    tf=$(mktemp "$WORK/time.XXXXXX")
    timeout --kill-after=10 "$STEP_TIMEOUT" /usr/bin/time -f '%e %M' -o "$tf" "$@" </dev/null >"$log" 2>&1
    rc=$?
    LAST_RC=$rc
    read -r wall rss < <(tail -n 1 "$tf")
    rm -f "$tf"
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        STATUS[$key]="timeout after ${STEP_TIMEOUT}s (or killed)"; say "!! $what: timed out or killed"
        FAILED=1; return 0
    fi
    if ! [[ " $ok_codes " == *" $rc "* ]]; then
        STATUS[$key]="failed (exit $rc)"
        say "!! $what: exit $rc; last lines of $log:"
        tail -n 8 "$log" | sed 's/^/   /' >&2
        FAILED=1; return 0
    fi
    if ! [[ ${wall:-} =~ ^[0-9.]+$ && ${rss:-} =~ ^[0-9]+$ ]]; then
        STATUS[$key]="failed (no timing)"; say "!! $what: could not read /usr/bin/time output"; FAILED=1; return 0
    fi
    say "   $what: ${wall} s, $((rss / 1024)) MiB, exit $rc"
    if [ -z "${WALL[$key]:-}" ] || awk -v a="$wall" -v b="${WALL[$key]}" 'BEGIN { exit !(a < b) }'; then
        WALL[$key]=$wall
    fi
    if [ -z "${RSS[$key]:-}" ] || ((rss > RSS[$key])); then RSS[$key]=$rss; fi
    ROUNDS[$key]="${ROUNDS[$key]:+${ROUNDS[$key]} / }$wall"
    STATUS[$key]=ok
    return 0
}
