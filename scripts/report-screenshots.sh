#!/usr/bin/env bash
# Renders the demo's newest report (out/reports/<run>/: the morning report, a POK overview, a student page, a
# feedback page, and the index of runs) in headless Chromium to PNG at desktop and A4-print sizes, into
# out/screenshots/ (not in git), and fails on any console error, uncaught exception or failed or external request.
# First it checks itself: a page with a console error and a request to elsewhere must fail.
# Needs chromium (Debian: apt-get install chromium) and python3. Run scripts/demo.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-out/reports}
shots=out/screenshots
run=$(ls -1 "$reports" | grep -E '^[0-9]{4}-' | sort | tail -1 || true)
[ -n "$run" ] || { echo "no report under $reports: run scripts/demo.sh first" >&2; exit 1; }
dir="$reports/$run"
rm -rf "$shots"
mkdir -p "$shots"
chmod 0750 "$shots"

# The check checks itself: a broken page must fail.
broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT
printf '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"><script>console.error("boom")</script></body></html>' \
    > "$broken/broken.html"
if python3 scripts/report-screenshots.py "$broken/shots" "$broken/broken.html" >/dev/null 2>&1; then
    echo "report-screenshots: a page with a console error and an external request passed: the check is broken" >&2
    exit 1
fi

pages=("$dir/index.html")
for folder in overzicht studenten terugkoppeling; do
    first=$(ls -1 "$dir/$folder"/*.html 2>/dev/null | sort | head -1 || true)
    [ -n "$first" ] && pages+=("$first")
done
# The sample's student with the most to show, when there.
[ -f "$dir/studenten/2250114.html" ] && pages+=("$dir/studenten/2250114.html")
pages+=("$reports/index.html")
python3 scripts/report-screenshots.py "$shots" "${pages[@]}"
chmod 0640 "$shots"/*.png
echo "Screenshots: $shots/"
