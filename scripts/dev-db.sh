#!/usr/bin/env bash
# Project-local PostgreSQL for `make run`.
#
#   scripts/dev-db.sh start    create the cluster on first use, start it, create the database; idempotent
#   scripts/dev-db.sh stop     stop it (the data stays)
#   scripts/dev-db.sh status   say whether it runs; exit 0 when it does, 3 when it does not
#   scripts/dev-db.sh url      print the Npgsql connection string
#
# The cluster lives in .data/postgres (git-ignored) and listens on 127.0.0.1:${ITQAN_PG_PORT:-5433}, database
# itqan_recording, user postgres, trust authentication (local development only). As root, initdb refuses to run, so
# the cluster belongs to the postgres OS user; if that user cannot reach the repository folder (e.g. a checkout under
# /root), the cluster lives in /var/tmp/itqan-<hash of the repository path>/postgres instead. ITQAN_PG_BINDIR picks
# the PostgreSQL binaries; otherwise PostgreSQL 15, then pg_config --bindir, then the newest installed version.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${ITQAN_PG_PORT:-5433}
database=itqan_recording
superuser=postgres

die() { echo "dev-db: $*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the postgres OS user when we are root, otherwise as ourselves.
as_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_bindir() {
  local candidate
  for candidate in "${ITQAN_PG_BINDIR:-}" /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)" \
    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return
    fi
  done
  command -v initdb >/dev/null 2>&1 || die "PostgreSQL server binaries not found; run scripts/install-deps.sh"
  dirname "$(command -v initdb)"
}

# The folder that holds data/, the socket and the log.
cluster_dir() {
  local local_dir="$repo/.data/postgres"
  local fallback_dir
  fallback_dir="/var/tmp/itqan-$(printf %s "$repo" | sha256sum | cut -c1-12)/postgres"
  if [ -f "$local_dir/data/PG_VERSION" ]; then echo "$local_dir"; return; fi
  if [ -f "$fallback_dir/data/PG_VERSION" ]; then echo "$fallback_dir"; return; fi
  if ! is_root; then echo "$local_dir"; return; fi
  mkdir -p "$repo/.data"
  if runuser -u postgres -- test -x "$repo/.data"; then echo "$local_dir"; else echo "$fallback_dir"; fi
}

bindir=$(find_bindir)
dir=$(cluster_dir)
data="$dir/data"
log="$dir/postgres.log"

is_running() { [ -f "$data/PG_VERSION" ] && (cd / && as_owner "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1); }

# The port of the running server (line 4 of postmaster.pid), else the configured one.
current_port() {
  if is_running && [ -r "$data/postmaster.pid" ]; then sed -n 4p "$data/postmaster.pid"; else echo "$port"; fi
}

url() {
  echo "Host=127.0.0.1;Port=$(current_port);Database=$database;Username=$superuser;Include Error Detail=true"
}

init_cluster() {
  echo "dev-db: creating a PostgreSQL cluster in $dir"
  if [ "$dir" != "$repo/.data/postgres" ]; then
    echo "dev-db: (the postgres user cannot reach $repo, so the cluster lives outside the repository)"
  fi
  mkdir -p "$dir"
  if is_root; then chown postgres: "$dir"; fi
  (cd "$dir" && as_owner "$bindir/initdb" -D "$data" -A trust -U "$superuser" -E UTF8 --locale=C >/dev/null) \
    || die "initdb failed"
  cat >>"$data/postgresql.conf" <<CONF

# scripts/dev-db.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
CONF
}

start() {
  if [ ! -f "$data/PG_VERSION" ]; then init_cluster; fi
  if is_running; then
    echo "dev-db: already running on port $(current_port) ($dir)"
  else
    if ! (cd "$dir" && as_owner "$bindir/pg_ctl" start -D "$data" -l "$log" -w -t 60 -o "-p $port" >/dev/null); then
      echo "dev-db: PostgreSQL did not start; last lines of $log:" >&2
      tail -n 20 "$log" >&2 || true
      exit 1
    fi
    echo "dev-db: started on port $port ($dir)"
  fi
  local exists
  exists=$("$bindir/psql" -h 127.0.0.1 -p "$(current_port)" -U "$superuser" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$database'")
  if [ "$exists" != 1 ]; then
    "$bindir/createdb" -h 127.0.0.1 -p "$(current_port)" -U "$superuser" "$database"
    echo "dev-db: created database $database"
  fi
}

stop() {
  if is_running; then
    (cd "$dir" && as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -w >/dev/null)
    echo "dev-db: stopped"
  else
    echo "dev-db: not running"
  fi
}

status() {
  if is_running; then
    echo "dev-db: running on port $(current_port) ($dir)"
  else
    echo "dev-db: stopped ($dir)"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
