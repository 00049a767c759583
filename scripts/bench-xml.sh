#!/usr/bin/env bash
# Benchmarks the XML hour path on a generated SETU-like export (default 1M TimeIntervals), best of 3 runs each:
#   xmllint --stream            libxml2's own streaming reader (xmlTextReader), parse only
#   C + libxml2 SAX2            the parser's ceiling: SAX2 in pull mode as bpv uses it, sums one field (Benchmarks/xml/sax-sum.c)
#   bpv import --dry-run        parse + map (the SETU mapping) into entries and rejects, nothing stored
#   bpv import                  parse + map + store in a fresh SQLite database
# and bpv's parse + map and import on a file a tenth the size, to show that peak RSS does not grow with the file.
# Prints a Markdown table with records/s, peak RSS and the ratios the targets are stated in
# (parse + map >= 0.8 x C, >= 2 x xmllint --stream, RSS < 64 MiB and flat).
#
# Usage: scripts/bench-xml.sh            (RECORDS=200000 RUNS=1 scripts/bench-xml.sh for a quick look)
# Needs: swift, cc, python3, xml2-config (libxml2-dev), xmllint (libxml2-utils), /usr/bin/time (time).
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-1000000}
RUNS=${RUNS:-3}
DATA=Benchmarks/data
WORK=Benchmarks/work
MAPPING=mappings/hours/setu-timecard.yaml
mkdir -p "$DATA" "$WORK"
# The benchmark's employer, so that `--employer bench` is a known one (bpv refuses unknown employer ids).
printf 'database: bench.sqlite\nemployers:\n  - id: bench\n    folder: hours/bench\n    mapping: unused.yaml\n' >"$WORK/bench.yaml"

if [ ! -x /usr/bin/time ] || ! command -v xmllint >/dev/null; then
    echo "installing time and libxml2-utils" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y time libxml2-utils >&2; else sudo apt-get install -y time libxml2-utils >&2; fi
fi

echo "building bpv (release)" >&2
swift build -c release --product bpv >&2
BPV="$(swift build -c release --show-bin-path)/bpv"
cc -O2 Benchmarks/xml/sax-sum.c $(xml2-config --cflags --libs) -o "$WORK/sax-sum"

SMALL_RECORDS=$((RECORDS / 10))
FILE="$DATA/setu-$RECORDS.xml"
SMALL="$DATA/setu-$SMALL_RECORDS.xml"
for pair in "$RECORDS:$FILE" "$SMALL_RECORDS:$SMALL"; do
    if [ ! -s "${pair#*:}" ]; then
        echo "generating ${pair#*:}" >&2
        python3 Benchmarks/xml/generate-setu.py "${pair%%:*}" "${pair#*:}"
    fi
done

# run KEY COMMAND...: one timed run -> appends "seconds kib" to $WORK/KEY.times. Runs are interleaved (every tool
# once per round) so that the machine's drift hits all tools alike; the best round of each tool counts.
run() {
    local key=$1; shift
    rm -f "$WORK/bench.sqlite" "$WORK/bench.sqlite-wal" "$WORK/bench.sqlite-shm"
    if ! /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1; then
        echo "$key failed:" >&2; cat "$WORK/out.txt" >&2; exit 1
    fi
    cat "$WORK/time.txt" >>"$WORK/$key.times"
    echo "  $key: $(cat "$WORK/time.txt") $(head -c 200 "$WORK/out.txt" | tr '\n' ' ')" >&2
}
best() { sort -n "$WORK/$1.times" | head -1; }  # -> "seconds kib" of the fastest run

KEYS="lint c map import small small_import"
for key in $KEYS; do rm -f "$WORK/$key.times"; done
echo "measuring, $RUNS interleaved rounds" >&2
for round in $(seq "$RUNS"); do
    echo "round $round" >&2
    run lint xmllint --stream "$FILE"
    run c "$WORK/sax-sum" "$FILE"
    run map "$BPV" import hours --dry-run --mapping "$MAPPING" --employer bench --config "$WORK/bench.yaml" "$FILE"
    run import "$BPV" import hours --db "$WORK/bench.sqlite" --mapping "$MAPPING" --employer bench --config "$WORK/bench.yaml" "$FILE"
    run small "$BPV" import hours --dry-run --mapping "$MAPPING" --employer bench --config "$WORK/bench.yaml" "$SMALL"
    run small_import "$BPV" import hours --db "$WORK/bench.sqlite" --mapping "$MAPPING" --employer bench --config "$WORK/bench.yaml" "$SMALL"
done
read -r t_lint m_lint < <(best lint)
read -r t_c m_c < <(best c)
read -r t_map m_map < <(best map)
read -r t_imp m_imp < <(best import)
read -r t_small m_small < <(best small)
read -r t_small_imp m_small_imp < <(best small_import)

size_mib=$(awk -v b="$(stat -c %s "$FILE")" 'BEGIN { printf "%.0f", b / 1048576 }')
row() {  # name seconds kib records
    awk -v n="$1" -v t="$2" -v k="$3" -v r="$4" -v c="$t_c" -v x="$t_lint" -v rc="$RECORDS" 'BEGIN {
        rate = r / t; crate = rc / c; xrate = rc / x
        printf "| %s | %d | %.2f | %.2f M | %.1f | %.2f | %.2f |\n", n, r, t, rate / 1e6, k / 1024, rate / crate, rate / xrate }'
}
echo
echo "XML hour export, SETU-like, $RECORDS TimeIntervals in $((RECORDS / 20)) TimeCards ($size_mib MiB), best of $RUNS interleaved rounds; $(nproc) cores"
echo
echo "| what | records | seconds | records/s | peak RSS (MiB) | × C SAX2 | × xmllint --stream |"
echo "|---|---|---|---|---|---|---|"
row "xmllint --stream (xmlTextReader, parse only)" "$t_lint" "$m_lint" "$RECORDS"
row "C + libxml2 SAX2 (pull mode), sum Duration (ceiling)" "$t_c" "$m_c" "$RECORDS"
row "bpv import --dry-run (parse + map)" "$t_map" "$m_map" "$RECORDS"
row "bpv import (parse + map + SQLite)" "$t_imp" "$m_imp" "$RECORDS"
row "bpv import --dry-run, a tenth of the file (RSS flat?)" "$t_small" "$m_small" "$SMALL_RECORDS"
row "bpv import, a tenth of the file (RSS flat?)" "$t_small_imp" "$m_small_imp" "$SMALL_RECORDS"
echo
echo "Targets: parse + map >= 0.8 × C SAX2 and >= 2 × xmllint --stream; peak RSS < 64 MiB and flat in file size."
