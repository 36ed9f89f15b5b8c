#!/usr/bin/env bash
# System packages the test suite needs: PostgreSQL 15 with PostGIS, Chromium, poppler (pdftoppm),
# and the Pango libraries WeasyPrint renders with. Installs only what is missing; needs root.
set -euo pipefail
pkgs=(postgresql-15 postgresql-15-postgis-3 chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${missing[*]} (install them as root); the tests that need them will skip" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
