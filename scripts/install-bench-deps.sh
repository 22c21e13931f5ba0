#!/usr/bin/env bash
# What `make bench` needs beyond `make test`: wrk (load generator), nginx (the file-serving reference), pgbench
# (ships with Debian's postgresql-15; the database's reference), jq, and the diagnostics tools of bench/.config
# (dotnet-counters, dotnet-trace) for profiling. Kept apart from scripts/install-deps.sh so `make test` never
# installs a web server or a load generator. Prints nothing when everything is already there.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

say() { echo "install-bench-deps: $*"; }

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh

has_pgbench() { command -v pgbench >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; }

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
has_pgbench || missing+=(postgresql-contrib)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
  # Debian starts the packaged nginx on port 80; the bench runs its own instance and needs nothing else listening.
  if [[ " ${missing[*]} " == *" nginx-light "* ]] && command -v systemctl >/dev/null 2>&1; then
    as_root systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
fi

# Diagnostics tools as local tools of bench/ (its own manifest, so `make test` does not restore them).
if [ -f bench/.config/dotnet-tools.json ]; then
  if ! output=$(cd bench && dotnet tool restore 2>&1); then
    echo "$output" >&2
    say "could not restore dotnet-counters/dotnet-trace; profiling is unavailable, the bench still runs" >&2
  fi
fi
