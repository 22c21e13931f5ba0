#!/usr/bin/env bash
# `make run`: the dev database, the LiveKit emulator and the API with demo data, on this machine.
# Ctrl-C stops all of it; the data (database, recordings) stays in .data/ for the next run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

api_url=http://localhost:5080
emulator_url=http://localhost:7880
ready_timeout=${ITQAN_RUN_TIMEOUT:-180}
# Development-only LiveKit credentials, shared by the emulator and the API (40 characters).
livekit_key=devkey
livekit_secret=itqan-dev-livekit-secret-0123456789abcde
logs="$repo/.data/logs"
recordings="$repo/.data/recordings"

api_pid=
emulator_pid=

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_group() {
  local pid=$1 waited=0
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  while kill -0 -- "-$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  trap - INT TERM EXIT
  echo
  echo "run: stopping"
  stop_group "$api_pid"
  stop_group "$emulator_pid"
  scripts/dev-db.sh stop || true
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

fail() {
  echo "run: $1" >&2
  for log in "$logs/emulator.log" "$logs/api.log"; do
    [ -f "$log" ] && { echo "--- last lines of $log" >&2; tail -n 30 "$log" >&2; }
  done
  exit 1
}

for port in 5080 7880; do
  port_in_use "$port" && { echo "run: port $port is already in use; stop whatever listens there first" >&2; exit 1; }
done

scripts/install-deps.sh
scripts/dev-db.sh start
db_url=$(scripts/dev-db.sh url)

if [ -f web/package.json ]; then
  echo "run: building the web app"
  npm --prefix web run build
fi

echo "run: building"
dotnet build src/Api/Api.csproj -nologo -v q
dotnet build tools/LiveKitEmulator/LiveKitEmulator.csproj -nologo -v q

mkdir -p "$logs" "$recordings"

# Each service runs in its own session (setsid), so stopping it takes down `dotnet run` and the app it started.
echo "run: starting the LiveKit emulator (log: $logs/emulator.log)"
Emulator__ApiKey=$livekit_key \
Emulator__ApiSecret=$livekit_secret \
Emulator__WebhookUrl=$api_url/webhooks/livekit \
Emulator__OutputPrefix=/recordings \
Emulator__OutputRoot=$recordings \
  setsid dotnet run --no-build --project tools/LiveKitEmulator -- --urls $emulator_url >"$logs/emulator.log" 2>&1 &
emulator_pid=$!

echo "run: starting the API (log: $logs/api.log)"
# The API serves the web app from its web root (default src/Api/wwwroot, which nothing fills): use the build above.
webroot="$repo/src/Api/wwwroot"
if [ -f web/dist/index.html ]; then webroot="$repo/web/dist"; fi
ConnectionStrings__Recording=$db_url \
LiveKit__Url=$emulator_url \
LiveKit__ApiKey=$livekit_key \
LiveKit__ApiSecret=$livekit_secret \
Storage__RootPath=$recordings \
Storage__EgressPathPrefix=/recordings \
Database__MigrateOnStartup=true \
Seed__Demo=true \
ASPNETCORE_ENVIRONMENT=Development \
ASPNETCORE_WEBROOT=$webroot \
  setsid dotnet run --no-build --project src/Api -- --urls $api_url >"$logs/api.log" 2>&1 &
api_pid=$!

deadline=$((SECONDS + ready_timeout))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$api_url/health/ready" || true)" = 200 ]; do
  kill -0 "$emulator_pid" 2>/dev/null || fail "the LiveKit emulator exited"
  kill -0 "$api_pid" 2>/dev/null || fail "the API exited"
  [ "$SECONDS" -lt "$deadline" ] || fail "the API was not ready within ${ready_timeout}s ($api_url/health/ready)"
  sleep 1
done

cat <<INFO

  Itqan Recording is running.
    App        $api_url/
    Swagger    $api_url/swagger
    Emulator   $emulator_url

  Demo logins (password Demo#2026):
    admin@demo.itqan   teacher@demo.itqan   student@demo.itqan   outsider@demo.itqan   admin2@demo.itqan

  Logs: $logs/api.log, $logs/emulator.log
  Press Ctrl-C to stop.

INFO

# Wait until Ctrl-C, or until one of the services stops by itself.
set +e
wait -n "$api_pid" "$emulator_pid"
fail "a service stopped unexpectedly"
