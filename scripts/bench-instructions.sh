#!/usr/bin/env bash
# Instruction counts of the hour import, with valgrind's callgrind: the same figure whatever else the machine is
# doing, so a change to a hot path can be judged on a busy shared VM where wall times vary by half.
#
#   scripts/bench-instructions.sh            100 000 rows / records (generated once into Benchmarks/data/)
#
# Counts, in millions of instructions: the C ceilings (libcsv_sum, sax-sum), bpv parse+map (--dry-run) and bpv
# import into a fresh SQLite file, for the Shiftbase CSV and the SETU XML benchmark files. The bpv figures include
# its start-up (about 100 M: loading Foundation, reading the mapping). Wall times stay the measure of record
# (scripts/bench-csv.sh, scripts/bench-xml.sh); this is the tool for comparing two commits.
#
# valgrind 3.19 cannot read the DWARF 5 debug information of Swift's release build, so the binary is measured as a
# copy with its debug sections stripped (the code is the same). Needs: valgrind, cc, libcsv-dev, libxml2-dev,
# python3. Installs nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=100000
DATA=Benchmarks/data
WORK=Benchmarks/work
mkdir -p "$DATA" "$WORK"
for tool in valgrind cc python3 strip; do
    command -v "$tool" >/dev/null || { echo "bench-instructions: $tool is missing (apt-get install -y valgrind build-essential)" >&2; exit 2; }
done

csv=$DATA/shiftbase-$N.csv
xml=$DATA/setu-$N.xml
[ -f "$csv" ] || python3 Benchmarks/csv/gen_shiftbase.py "$N" "$csv" >&2
[ -f "$xml" ] || python3 Benchmarks/xml/generate-setu.py "$N" "$xml" >&2
aliases=$WORK/aliases-$N.csv
{ echo "employer;identity;student"
  cut -d';' -f2 "$csv" | tail -n +2 | sort -u | awk '{ printf "bench;%s;%07d\n", $0, 2400000 + NR }'; } >"$aliases"

cc -O2 -o "$WORK/libcsv_sum" Benchmarks/csv/libcsv_sum.c -lcsv
cc -O2 -o "$WORK/sax-sum" Benchmarks/xml/sax-sum.c $(pkg-config --cflags --libs libxml-2.0)
# The benchmark's employer, so that `--employer bench` is a known one (bpv refuses unknown employer ids).
printf 'database: bench.sqlite\nemployers:\n  - id: bench\n    folder: hours/bench\n    mapping: unused.yaml\n' >"$WORK/bench.yaml"
# BPV_BIN=path measures that bpv (another commit's release build) instead of building this one.
if [ -n "${BPV_BIN:-}" ]; then
    cp "$BPV_BIN" "$WORK/bpv-stripped"
else
    swift build -c release --product bpv >&2
    cp .build/release/bpv "$WORK/bpv-stripped"
fi
strip --strip-debug "$WORK/bpv-stripped"
BPV=$WORK/bpv-stripped

count() {  # label, command...: prints "label  N M"
    local label=$1; shift
    local out=$WORK/callgrind.out
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$WORK/callgrind.log"
    local total
    total=$(grep -m1 '^summary:' "$out" | awk '{ print $2 }')
    printf '| %s | %d |\n' "$label" $(( total / 1000000 ))
}

echo "| what ($N rows or records) | million instructions |"
echo "|---|---:|"
count "C libcsv_sum (parse only)" "$WORK/libcsv_sum" "$csv"
count "bpv parse+map, Shiftbase CSV" "$BPV" import hours --dry-run --mapping mappings/hours/shiftbase-roosterdetail.yaml --employer bench --config "$WORK/bench.yaml" "$csv"
rm -f "$WORK/instr.sqlite"*
"$BPV" alias import --db "$WORK/instr.sqlite" "$aliases" >/dev/null
count "bpv import, Shiftbase CSV" "$BPV" import hours --db "$WORK/instr.sqlite" --mapping mappings/hours/shiftbase-roosterdetail.yaml --employer bench --config "$WORK/bench.yaml" "$csv"
count "C libxml2 SAX2 (parse only)" "$WORK/sax-sum" "$xml"
count "bpv parse+map, SETU XML" "$BPV" import hours --dry-run --mapping mappings/hours/setu-timecard.yaml --employer bench --config "$WORK/bench.yaml" "$xml"
rm -f "$WORK/instr.sqlite"*
count "bpv import, SETU XML" "$BPV" import hours --db "$WORK/instr.sqlite" --mapping mappings/hours/setu-timecard.yaml --employer bench --config "$WORK/bench.yaml" "$xml"
