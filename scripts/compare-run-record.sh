#!/usr/bin/env bash
# Checks that two builds of bpv write the same run record, byte for byte, apart from what differs between any two
# runs (run folder names, timestamps, the absolute path of the school copy) and the changes a branch means to make.
#
#   scripts/compare-run-record.sh record BPV DEST       runs the scenarios below with the executable BPV, each on a
#                                                       fresh copy of the repository's files, and keeps each run's
#                                                       record and terminal output in DEST/<scenario>/
#   scripts/compare-run-record.sh compare BEFORE AFTER  compares two DEST folders; exit 0 when they are the same
#                                                       apart from the listed changes, 1 otherwise
#
# Typical use: build main, `record .build/debug/bpv /tmp/before`; build the branch, `record ... /tmp/after`;
# `compare /tmp/before /tmp/after`. Record both on the same day: erkenning.csv is the check on the run's date.
#
# Scenarios:
#   demo-1        bpv run on a fresh copy of samples/ (the demo, scripts/demo.sh)
#   demo-2        the same again: every file already imported
#   hours-only-1  samples/bpv.yaml without reference data and POKs (no accreditation check)
#   hours-only-2  the same after the alias file moved an alias to another student (an alias.moved finding)
#   formula       Tests/BPVKitTests/Fixtures/formula: rejects and unresolved identities holding formulas
#
# Normalised before comparing: the school copy's path becomes <school>, run folder names (2026-12-04T185512,
# ...T185512-2) become <run>, UTC timestamps (2026-12-04T18:55:12Z) become <time>.
#
# The listed changes (issue #11, item 3, "Outputs as artifacts"); anything else that differs fails the check:
#   - run.json has a new top-level "files_written" array: it is cut out before comparing, shown, and must name
#     exactly the files of its run folder;
#   - findings.csv is written on every run: a record may have it where the one before had none (it is shown);
#   - the terminal's "Run record:" line names the files from the record (shown; the other lines must be equal).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export LC_ALL=C

usage() { sed -n '2,12p' "$0" >&2; exit 64; }

# --- record ---------------------------------------------------------------------------------------------------

# run_bpv SCENARIO_DIR SCHOOL CONFIG: bpv run, keeping its output, exit status and the newest run folder's files.
run_bpv() {
    local dest="$1" school="$2" config="$3" status=0
    mkdir -p "$dest"
    (cd "$school" && "$bpv" run --config "$config" >"$dest/stdout.txt" 2>"$dest/stderr.txt") || status=$?
    echo "$status" >"$dest/status.txt"
    echo "$school" >"$dest/school-root.txt"
    local runs newest
    runs="$(cd "$school" && cd "$(dirname "$config")" && cd "$(sed -n 's/^output: *//p' "$(basename "$config")")" \
        && pwd)/runs"
    newest="$(ls "$runs" | sort | tail -1)"
    mkdir -p "$dest/record"
    cp -p "$runs/$newest"/* "$dest/record/"
    echo "  $(basename "$dest"): exit $status, $(ls "$dest/record" | tr '\n' ' ')"
}

# The school copies of this recording, removed when it ends (DEST keeps what the comparison needs).
schools=()
cleanup() { [ ${#schools[@]} -eq 0 ] || rm -rf "${schools[@]}"; }

new_folder() { mktemp -d "${TMPDIR:-/tmp}/bpv-compare-XXXXXX"; }

fresh_school() {
    local school
    school="$(new_folder)"
    cp -R "$repo/samples" "$repo/mappings" "$school/"
    echo "$school"
}

record() {
    [ $# -eq 2 ] || usage
    bpv="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    local dest="$2" school
    [ -x "$bpv" ] || { echo "not an executable: $1" >&2; exit 64; }
    mkdir -p "$dest"
    dest="$(cd "$dest" && pwd)"
    echo "Recording with $bpv into $dest"
    trap cleanup EXIT

    school="$(fresh_school)"; schools+=("$school")
    run_bpv "$dest/demo-1" "$school" samples/bpv.yaml
    run_bpv "$dest/demo-2" "$school" samples/bpv.yaml

    school="$(fresh_school)"; schools+=("$school")
    # Everything from the reference section on: the reference feeds and the POKs.
    edit "$school/samples/bpv.yaml" '/^# Reference data/,$d'
    run_bpv "$dest/hours-only-1" "$school" samples/bpv.yaml
    edit "$school/samples/school/aliases.csv" \
        's/^bytebrug-ict;sem.ottevanger@bytebrug.nl;2250114$/bytebrug-ict;sem.ottevanger@bytebrug.nl;2250387/'
    run_bpv "$dest/hours-only-2" "$school" samples/bpv.yaml

    school="$(new_folder)"; schools+=("$school")
    mkdir -p "$school/Tests/BPVKitTests/Fixtures"
    cp -R "$repo/Tests/BPVKitTests/Fixtures/formula" "$repo/Tests/BPVKitTests/Fixtures/bad" \
        "$school/Tests/BPVKitTests/Fixtures/"
    cp -R "$repo/mappings" "$school/"
    run_bpv "$dest/formula" "$school" Tests/BPVKitTests/Fixtures/formula/bpv.yaml
}

# --- compare --------------------------------------------------------------------------------------------------

# edit FILE SED-SCRIPT: changes FILE in place (BSD and GNU sed differ in -i).
edit() { sed -e "$2" "$1" >"$1.new" && mv "$1.new" "$1"; }

# normalise ROOT < file > file
normalise() {
    local root
    root="$(printf '%s' "$1" | sed 's/[][\.*^$#]/\\&/g')"
    sed -E -e "s#${root}#<school>#g" \
        -e 's#[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}(-[0-9]+)?#<run>#g' \
        -e 's#[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z#<time>#g'
}

# The top-level "files_written" array of a run.json (JSONOutput: two-space indent), cut out or kept alone.
without_files_written() { awk '/^  "files_written" : \[/ { skip = 1 } !skip { print } skip && /^  \],?$/ { skip = 0 }'; }
only_files_written() { awk '/^  "files_written" : \[/ { keep = 1 } keep { print } keep && /^  \],?$/ { keep = 0 }'; }

compare() {
    [ $# -eq 2 ] || usage
    local before="$1" after="$2" failed=0 scenario name b a rb ra work
    work="$(new_folder)"
    for scenario in $(ls "$before"); do
        [ -d "$before/$scenario/record" ] || continue
        echo "== $scenario"
        if [ ! -d "$after/$scenario/record" ]; then echo "   MISSING in $after"; failed=1; continue; fi
        rb="$(cat "$before/$scenario/school-root.txt")"
        ra="$(cat "$after/$scenario/school-root.txt")"
        if [ "$(cat "$before/$scenario/status.txt")" != "$(cat "$after/$scenario/status.txt")" ]; then
            echo "   DIFFERS: exit status $(cat "$before/$scenario/status.txt") -> $(cat "$after/$scenario/status.txt")"
            failed=1
        fi
        for name in $( (ls "$before/$scenario/record"; ls "$after/$scenario/record") | sort -u); do
            b="$before/$scenario/record/$name"
            a="$after/$scenario/record/$name"
            if [ ! -e "$a" ]; then echo "   DIFFERS: $name is missing"; failed=1; continue; fi
            if [ ! -e "$b" ]; then
                if [ "$name" = findings.csv ]; then
                    echo "   new (listed): $name, $(($(wc -l <"$a") - 1)) finding(s)"
                    normalise "$ra" <"$a" | sed 's/^/      /'
                else
                    echo "   DIFFERS: $name is new"; failed=1
                fi
                continue
            fi
            normalise "$rb" <"$b" >"$work/b"
            normalise "$ra" <"$a" >"$work/a"
            if [ "$name" = run.json ]; then
                if only_files_written <"$work/b" | grep -q .; then
                    echo "   note: the before-record already has files_written"
                fi
                only_files_written <"$work/a" >"$work/listed"
                without_files_written <"$work/b" >"$work/b2" && mv "$work/b2" "$work/b"
                without_files_written <"$work/a" >"$work/a2" && mv "$work/a2" "$work/a"
                listed="$(jq -r '(.files_written // [])[].file_name' "$a" | sort | tr '\n' ' ')"
                present="$(ls "$after/$scenario/record" | sort | tr '\n' ' ')"
                if [ -z "$listed" ]; then
                    echo "   note: run.json has no files_written"
                elif [ "$listed" != "$present" ]; then
                    echo "   DIFFERS: files_written names [$listed], the folder holds [$present]"; failed=1
                else
                    echo "   listed: run.json has files_written, naming every file of its folder:"
                    sed 's/^/      /' "$work/listed"
                fi
            fi
            if cmp -s "$work/b" "$work/a"; then
                echo "   same: $name ($(wc -c <"$a") bytes$([ "$name" != run.json ] || echo ", files_written cut out"))"
            else
                echo "   DIFFERS: $name"; diff "$work/b" "$work/a" | head -20 | sed 's/^/      /'; failed=1
            fi
        done
        # The terminal output: the "Run record:" line is shown, every other line must be equal.
        normalise "$rb" <"$before/$scenario/stdout.txt" >"$work/b"
        normalise "$ra" <"$after/$scenario/stdout.txt" >"$work/a"
        if cmp -s <(grep -v '^Run record: ' "$work/b") <(grep -v '^Run record: ' "$work/a"); then
            changed="$(diff <(grep '^Run record: ' "$work/b") <(grep '^Run record: ' "$work/a") || true)"
            if [ -z "$changed" ]; then
                echo "   same: terminal output"
            else
                echo "   same: terminal output, apart from (listed):"
                echo "$changed" | grep '^[<>]' | sed 's/^/      /'
            fi
        else
            echo "   DIFFERS: terminal output"; diff "$work/b" "$work/a" | head -20 | sed 's/^/      /'; failed=1
        fi
    done
    rm -rf "$work"
    if [ $failed -eq 0 ]; then
        echo "RESULT: the run records are byte-identical apart from the listed changes"
    else
        echo "RESULT: the run records differ (see DIFFERS above)"
    fi
    return $failed
}

case "${1:-}" in
    record) shift; record "$@" ;;
    compare) shift; compare "$@" ;;
    *) usage ;;
esac
