#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, test and run Itqan Recording:
# PostgreSQL (test and dev databases), ffmpeg (LiveKit emulator), Chromium and a font with Arabic letters (end-to-end
# tests), curl (make run), nginx (tests of the shipped front), Ceph's monitor, OSD and RADOS Gateway (the S3 tests'
# throw-away object store), aiosmtpd (the email tests' SMTP server), the local dotnet tools (.config/dotnet-tools.json)
# and the web packages. Prints nothing when everything is already there.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

say() { echo "install-deps: $*"; }

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh

has_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

has_postgres_server() {
  has_package postgresql || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1
}

has_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

# --- system packages -------------------------------------------------------------------------------------------
missing=()
has_postgres_server || missing+=(postgresql)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
has_chromium || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# The tests run the shipped nginx front (deploy/nginx) to check it refuses symbolic links.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# Chromium draws the Arabic pages (and their screenshots) with a font fontconfig offers for Arabic. DejaVu Sans has
# Arabic letters; Chromium's own dependencies are also met by fonts without them (Bitstream Vera, Liberation).
has_package fonts-dejavu-core || missing+=(fonts-dejavu-core)
# Academies name their recordings in their own time zone; .NET reads the zones from the system's tz database, which
# a minimal image may lack.
[ -e /usr/share/zoneinfo/Asia/Riyadh ] || missing+=(tzdata)
# The S3 tests start a throw-away single-node Ceph with its RADOS Gateway (tests/TestSupport/CephObjectGateway.cs);
# ceph-common brings the ceph and radosgw-admin commands. No daemon starts by itself.
command -v ceph-mon >/dev/null 2>&1 || missing+=(ceph-mon)
command -v ceph-osd >/dev/null 2>&1 || missing+=(ceph-osd)
command -v radosgw >/dev/null 2>&1 || missing+=(radosgw)
command -v radosgw-admin >/dev/null 2>&1 || missing+=(ceph-common)
# The email tests send ready notifications to a throw-away SMTP server: aiosmtpd, Debian's python3-aiosmtpd.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)

if [ ${#missing[@]} -gt 0 ]; then
  packages=()
  for package in "${missing[@]}"; do
    # Ubuntu names the browser package chromium-browser; ask only after the lists are refreshed (a fresh machine has
    # none, and every look-up would then miss).
    if [ "$package" = chromium ] && ! apt_has_candidate chromium; then package=chromium-browser; fi
    packages+=("$package")
  done
  apt_install "${packages[@]}"
  # Debian starts the packaged nginx on port 80; the tests run their own instance and need nothing listening there.
  if [[ " ${packages[*]} " == *" nginx-light "* ]] && command -v systemctl >/dev/null 2>&1; then
    as_root systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
fi

# --- .NET ---------------------------------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  required=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json | head -n 1)
  cat >&2 <<MSG
install-deps: the .NET SDK is missing. Install .NET SDK ${required:-10} (see global.json), for example:
  Debian 12:  the packages.microsoft.com feed, then apt-get install dotnet-sdk-10.0
  any Linux:  https://dot.net/v1/dotnet-install.sh --version ${required:-latest} and put ~/.dotnet on PATH
MSG
  exit 1
fi

if [ -f .config/dotnet-tools.json ]; then
  if ! output=$(dotnet tool restore 2>&1); then
    echo "$output" >&2
    exit 1
  fi
fi

# --- web ----------------------------------------------------------------------------------------------------------
if [ -f web/package.json ]; then
  command -v npm >/dev/null 2>&1 || { say "web/ needs Node.js 20+ and npm; please install them" >&2; exit 1; }
  # npm ci wipes node_modules, so only run it when the lock file is newer than the last install.
  stamp=web/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ web/package.json -nt "$stamp" ] || { [ -f web/package-lock.json ] && [ web/package-lock.json -nt "$stamp" ]; }; then
    say "installing web packages"
    if [ -f web/package-lock.json ]; then
      npm --prefix web ci --no-audit --no-fund --loglevel=error
    else
      npm --prefix web install --no-audit --no-fund --loglevel=error
    fi
  fi
fi
