#!/usr/bin/env bash
# System programs the tests use as a real user would meet them: Chromium (task pane in a browser),
# LibreOffice Calc and Gnumeric (open, recalculate and re-save our .xlsx files), LibreOffice Writer (print the .docx documents), xmllint (manifest XSD check),
# python3-openpyxl (a writer that is not ours), libsecret (keytar, for the optional sideloading tools), CJK fonts.
set -euo pipefail
packages=(chromium libreoffice-calc libreoffice-writer-nogui gnumeric libxml2-utils python3-openpyxl poppler-utils ghostscript libsecret-1-dev fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "system packages present"; exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
