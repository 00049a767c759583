#!/bin/sh
# The nightly run's wrapper, for cron (crontab) or systemd (bpv-nightly.service).
#
#   bpv-nightly.sh [--dry-run]
#
# - reads its environment from /etc/bpv/bpv.env (BPV_CONFIG, BPV_BIN, PGPASSWORD...: never in bpv.yaml);
# - umask 027: whatever it creates is readable by the owner and the group only (personal data);
# - one run at a time: bpv itself holds a flock(2) on its lock file for the whole run (exit 75 "already running");
# - its output goes to $BPV_LOG_DIR/bpv-nightly.log, rotated here (7 generations, no logrotate needed);
# - quiet when all went well; on any other exit it prints the run's output, so cron mails it to MAILTO;
# - exits with bpv's exit code (0 ok, 3 rejects/findings, 4 a file failed, 1 run failed, 75 already running,
#   78 configuration error).
set -u
umask 027

ENV_FILE=${BPV_ENV_FILE:-/etc/bpv/bpv.env}
if [ -r "$ENV_FILE" ]; then
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
fi
BPV_BIN=${BPV_BIN:-/usr/local/bin/bpv}
BPV_CONFIG=${BPV_CONFIG:-/etc/bpv/bpv.yaml}
BPV_LOG_DIR=${BPV_LOG_DIR:-/var/log/bpv}
KEEP=${BPV_LOG_KEEP:-7}
export BPV_CONFIG

mkdir -p "$BPV_LOG_DIR" || { echo "bpv-nightly: cannot create $BPV_LOG_DIR" >&2; exit 1; }
LOG="$BPV_LOG_DIR/bpv-nightly.log"

# Rotate: bpv-nightly.log -> .1 -> ... -> .$KEEP (the oldest goes).
i=$KEEP
while [ "$i" -gt 1 ]; do
    prev=$((i - 1))
    [ -f "$LOG.$prev" ] && mv -f "$LOG.$prev" "$LOG.$i"
    i=$prev
done
[ -f "$LOG" ] && mv -f "$LOG" "$LOG.1"

{
    echo "== bpv nightly run $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname) =="
    "$BPV_BIN" run --config "$BPV_CONFIG" "$@"
    echo "== exit $? =="
} >"$LOG" 2>&1
status=$(sed -n 's/^== exit \([0-9]*\) ==$/\1/p' "$LOG" | tail -n 1)
status=${status:-1}

if [ "$status" -ne 0 ]; then
    # cron mails what a job prints: say what happened, with the run's output.
    echo "bpv nightly run ended with exit $status (log: $LOG)"
    case "$status" in
        3) echo "completed: records rejected, problems or findings to look at (the run record lists them)";;
        4) echo "completed: at least one file failed as a whole and is in the quarantine";;
        75) echo "not run: another bpv run holds the lock";;
        78) echo "not run: bpv.yaml must be fixed (bpv config check --config $BPV_CONFIG)";;
        *) echo "the run failed: files not yet archived stay in the inbox for the next run";;
    esac
    echo
    tail -n 200 "$LOG"
fi
exit "$status"
