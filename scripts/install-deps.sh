#!/usr/bin/env bash
# Installs the Debian packages BPVKit builds against, when they are missing: libcsv (CSV parser), libxml2 (XML
# parser), SQLite headers and pkg-config. Uses sudo when not run as root.
set -euo pipefail
packages=(libcsv-dev libxml2-dev libsqlite3-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y "${missing[@]}"
