#!/usr/bin/env bash
# `make bench`: the service measured against the limits of its own machine (issue #6). About 10 minutes.
#
# Builds Release, starts a throw-away PostgreSQL cluster, the LiveKit emulator and the API (Production, logging at
# Warning), loads a million recordings, then runs each scenario with a real load generator (wrk; pgbench; the bench
# tool for raw SQL and start/stop) against the API and against a reference measured in the same run on the same
# machine, in alternating rounds (reference, ours, reference, ours, ...: issue #16), counts the database round trips
# of one egress_ended and one Start through a counting relay, and writes the table to docs/performance.md. Exits 1
# when a target is missed. Loopback only.
#
# Settings (environment):
#   BENCH_DURATION=8     seconds of each measured round (the first round of each side after BENCH_WARMUP=3 seconds of warm-up)
#   BENCH_ROUNDS=3       rounds of each side of a ratio scenario, alternated with the reference's (the median ratio is judged)
#   BENCH_ONLY=...       comma-separated subset of: webhook,heartbeat,egress,counts,stream,download,objectstore,catalogue,analytics,startstop,firststart,media,micro,spa
#   BENCH_RECORDINGS=1000000 BENCH_SESSIONS=100000   size of the generated catalogue
#   BENCH_KEEP=1         keep the cluster and its data in $BENCH_WORK for the next run (skips the load when present)
#   BENCH_STARTSTOP_ROUNDS=5  measured rounds of the start/stop scenario (each uses 100 of the 1,000 ready sessions; at most 8)
#   BENCH_COUNTERS=1     record dotnet-counters of the API for the whole run (results/counters.csv)
#   BENCH_API_ENV="K=V ..."  extra environment for the API, for experiments (e.g. DOTNET_gcServer=0)
#   BENCH_DB_OPTIONS="K=V;..." extra Npgsql settings for the API's connection string (e.g. Max Auto Prepare=64)
#   BENCH_PERF=1         start the API with DOTNET_PerfMapEnabled=1 so `perf record -g -p <api pid>` names .NET frames
#   BENCH_RESULTS=dir    where raw results go (default .artifacts/bench); BENCH_REPORT=file (default docs/performance.md)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

duration=${BENCH_DURATION:-8}
warmup=${BENCH_WARMUP:-3}
rounds=${BENCH_ROUNDS:-3}
only=${BENCH_ONLY:-webhook,heartbeat,egress,counts,stream,download,objectstore,catalogue,analytics,startstop,firststart,media,micro,spa}
recordings=${BENCH_RECORDINGS:-1000000}
sessions=${BENCH_SESSIONS:-100000}
results=${BENCH_RESULTS:-$repo/.artifacts/bench}
report=${BENCH_REPORT:-$repo/docs/performance.md}
work=${BENCH_WORK:-/var/tmp/itqan-bench-$(printf %s "$repo" | sha256sum | cut -c1-12)}
keep=${BENCH_KEEP:-0}

webhook_connections=32
egress_connections=16
stream_connections=32
download_connections=4
catalogue_connections=4
stats_connections=2
catalogue_late_page=60
startstop_concurrency=100
livekit_key=bench-key
livekit_secret=bench-livekit-secret-0123456789abcdef0123

say() { echo "bench: $*"; }
# The warm-up runs before the first round of each side only: later rounds find the code and the caches warm.
warmup_for() { if [ "$1" = 1 ]; then echo "$warmup"; else echo 0; fi; }
die() { echo "bench: $*" >&2; exit 1; }
wants() { [[ ",$only," == *",$1,"* ]]; }

pids=()
pg_bin=
pg_data="$work/pg/data"
cleanup() {
  local pid
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$pg_bin" ] && [ -f "$pg_data/postmaster.pid" ]; then
    (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w >/dev/null 2>&1) || true
  fi
  if [ "$keep" != 1 ] && [ -d "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port=$1
  while ! port_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

wait_http() {
  local url=$1 pid=$2 name=$3 deadline=$((SECONDS + 180))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$results/logs/$name.log" >&2 || true; die "$name exited"; }
    [ "$SECONDS" -lt "$deadline" ] || die "$name not ready at $url within 180 s"
    sleep 0.5
  done
}

# --- dependencies and builds ----------------------------------------------------------------------------------
scripts/install-deps.sh
scripts/install-bench-deps.sh

rm -rf "$results"
mkdir -p "$results"/{logs,sql,plans,micro,wrk}

say "building Release"
for project in src/Api/Api.csproj tools/LiveKitEmulator/LiveKitEmulator.csproj tools/CephGateway/CephGateway.csproj bench/Bench/Bench.csproj bench/BareEndpoint/BareEndpoint.csproj; do
  dotnet build "$project" -c Release -nologo -v q -warnaserror >"$results/logs/build.log" 2>&1 || { tail -n 30 "$results/logs/build.log" >&2; die "build of $project failed"; }
done
api_dir="$repo/src/Api/bin/Release/net10.0"
emulator_dir="$repo/tools/LiveKitEmulator/bin/Release/net10.0"
bare_dir="$repo/bench/BareEndpoint/bin/Release/net10.0"
gateway_dir="$repo/tools/CephGateway/bin/Release/net10.0"
tool() { dotnet "$repo/bench/Bench/bin/Release/net10.0/ItqanRecording.Bench.dll" "$@"; }

if wants spa && [ -f web/package.json ]; then
  say "building the SPA"
  if npm --prefix web run build >"$results/logs/web-build.log" 2>&1 || [ -f web/dist/.vite/manifest.json ]; then
    node web/scripts/bundle-size.mjs >"$results/logs/bundle-size.log" 2>&1 || true
    kb=$(sed -n 's/^Initial JS: \([0-9.]*\) KB gzip.*/\1/p' "$results/logs/bundle-size.log")
    [ -n "$kb" ] && echo "{\"kb\": $kb}" >"$results/spa.json"
    cat "$results/logs/bundle-size.log"
  else
    tail -n 20 "$results/logs/web-build.log" >&2
    say "the SPA did not build; its row stays unmeasured"
  fi
fi

# --- PostgreSQL: a throw-away cluster of its own -----------------------------------------------------------------
for candidate in "${ITQAN_PG_BINDIR:-}" /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -r); do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pgbench" ]; then pg_bin=$candidate; break; fi
done
[ -n "$pg_bin" ] || die "PostgreSQL server binaries with pgbench not found"

pg_port=$(free_port 55490)
if [ "$keep" != 1 ] || [ ! -f "$pg_data/PG_VERSION" ]; then
  rm -rf "$work"
  mkdir -p "$work/pg" "$work/recordings" "$work/nginx"
  chmod 755 "$work" "$work/recordings"
  chown postgres: "$work/pg"
  (cd "$work/pg" && runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C >/dev/null)
  # Sized for this machine (24 GB, SSD) the way a production server would be; pgbench uses the same cluster.
  cat >>"$pg_data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
max_connections = 300
shared_buffers = 2GB
effective_cache_size = 12GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
checkpoint_timeout = 30min
random_page_cost = 1.1
log_line_prefix = '%m [%p] app=%a '
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.track_planning = on
CONF
fi
mkdir -p "$work/nginx" "$work/recordings"
(cd "$work/pg" && runuser -u postgres -- "$pg_bin/pg_ctl" start -D "$pg_data" -l "$work/pg/postgres.log" -w -t 60 -o "-p $pg_port" >/dev/null) \
  || { tail -n 20 "$work/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
pg_log="$work/pg/postgres.log"
psql_() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
for db in itqan_recording pgbench; do
  [ "$(psql_ -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ] || psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null
done
psql_ -d itqan_recording -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
db_url="Host=127.0.0.1;Port=$pg_port;Database=itqan_recording;Username=postgres;Application Name=itqan-api${BENCH_DB_OPTIONS:+;$BENCH_DB_OPTIONS}"
raw_url="Host=127.0.0.1;Port=$pg_port;Database=itqan_recording;Username=postgres;Application Name=itqan-raw"
tool_url="Host=127.0.0.1;Port=$pg_port;Database=itqan_recording;Username=postgres;Application Name=itqan-bench;Command Timeout=0"

# --- the services -----------------------------------------------------------------------------------------------
api_port=$(free_port 5190)
emulator_port=$(free_port $((api_port + 1)))
api=http://127.0.0.1:$api_port
emulator=http://127.0.0.1:$emulator_port

# The emulator finishes an egress (ffmpeg) ProcessingDelayMs after its stop: 10 minutes, so the 600 egress of the
# start/stop scenario do not run ffmpeg on these two cores while other scenarios are measured.
(cd "$emulator_dir" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Emulator__ApiKey=$livekit_key Emulator__ApiSecret=$livekit_secret Emulator__WebhookUrl=$api/webhooks/livekit \
  Emulator__OutputPrefix=/recordings Emulator__OutputRoot="$work/recordings" Emulator__ProcessingDelayMs=600000 \
  dotnet ItqanRecording.LiveKitEmulator.dll --urls "$emulator") >"$results/logs/emulator.log" 2>&1 &
emulator_pid=$!
pids+=("$emulator_pid")

# start_api URL LOG [K=V ...]: the API as deployed, in the background (its pid in $!).
# The background jobs (reconciliation, overdue, retention, media) run once a day here: they are not what is measured,
# the reconciliation would otherwise fail the generated "processing" recordings the emulator never heard of, and the
# media jobs that each completion queues would keep the database (and the round-trip counter) busy with the generated
# recordings' files, which do not exist. The media jobs' own cost is the media scenario's.
start_api() {
  local url=$1 log=$2
  shift 2
  (cd "$api_dir" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    ConnectionStrings__Recording="$db_url" LiveKit__Url="$emulator" LiveKit__ApiKey=$livekit_key LiveKit__ApiSecret=$livekit_secret \
    Storage__RootPath="$work/recordings" Storage__EgressPathPrefix=/recordings Database__MigrateOnStartup=true Seed__Demo=true \
    Reliability__ReconcileInterval=1.00:00:00 Reliability__OverdueCheckInterval=1.00:00:00 Reliability__RetentionInterval=1.00:00:00 Reliability__PendingEventPruneInterval=1.00:00:00 \
    MediaProcessing__PollInterval=1.00:00:00 \
    DOTNET_PerfMapEnabled="${BENCH_PERF:-0}" DOTNET_EnableWriteXorExecute="$([ "${BENCH_PERF:-0}" = 1 ] && echo 0 || echo 1)" \
    "$@" ${BENCH_API_ENV:-} dotnet ItqanRecording.Api.dll --urls "$url") >"$results/logs/$log.log" 2>&1 &
}

# As deployed behind nginx (deploy/nginx/itqan-recording.conf): recording files go out through nginx's internal
# location, so the stream and download scenarios measure the API together with that front.
front_prefix=/_recording-files/
start_api "$api" api Storage__AcceleratedRedirectPrefix=$front_prefix
api_pid=$!
pids+=("$api_pid")
wait_http "$emulator/health" "$emulator_pid" emulator
wait_http "$api/health/ready" "$api_pid" api
say "API on $api (pid $api_pid), emulator on $emulator, PostgreSQL on $pg_port ($work)"

if [ "${BENCH_COUNTERS:-0}" = 1 ]; then
  (cd bench && exec dotnet tool run dotnet-counters collect -p "$api_pid" --format csv -o "$results/counters.csv" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft-AspNetCore-Server-Kestrel,Npgsql) >"$results/logs/counters.log" 2>&1 &
  pids+=("$!")
fi

# --- the million-row catalogue ----------------------------------------------------------------------------------
seed_start=$SECONDS
tool seed --db "$tool_url" --recordings "$recordings" --sessions "$sessions" --out "$work/seed" --storage "$work/recordings"
seed_seconds=$((SECONDS - seed_start))
# The load leaves gigabytes of dirty buffers: write them now, not in the background of the first measured runs.
psql_ -d itqan_recording -c "CHECKPOINT" >/dev/null
academy_counts=$(psql_ -d itqan_recording -c "SELECT string_agg(n::text, ' + ' ORDER BY n DESC) FROM (SELECT count(*) n FROM recordings GROUP BY academy_id) c")
seed_json() { jq -r ".$1" "$work/seed/seed.json"; }

login() {
  curl -sf -X POST "$api/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Demo#2026\"}" | jq -r .accessToken
}
token=$(login admin@demo.itqan)
[ -n "$token" ] && [ "$token" != null ] || die "could not sign in as admin@demo.itqan"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
busiest_load=0
# Other work on the machine makes every figure smaller: each measured run notes the 1-minute load average before it.
note_load() {
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$1 $load" >>"$results/load.txt"
  busiest_load=$(awk -v a="$busiest_load" -v b="$load" 'BEGIN { print (b > a ? b : a) }')
}

# What the database did during one run: pg_stat_statements, reset before it (pgss_reset) and read after it
# (pgss_dump NAME → results/pgss/NAME.txt), with the API's RSS at that moment.
pgss_reset() { psql_ -d itqan_recording -c "SELECT pg_stat_statements_reset()" >/dev/null; }
pgss_dump() {
  mkdir -p "$results/pgss"
  {
    echo "API RSS: $(awk '/^VmRSS:/ {print $2 / 1024 " MB"}' "/proc/${cpu_pid:-$api_pid}/status" 2>/dev/null)"
    psql_ -d itqan_recording -P pager=off -F ' | ' -c "
      SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
             round(total_plan_time::numeric, 1) AS plan_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'itqan_recording')
      ORDER BY total_exec_time + total_plan_time DESC LIMIT 15"
  } >"$results/pgss/$1.txt" 2>&1 || true
}

# --- helpers for wrk ---------------------------------------------------------------------------------------------
# CPU time (user + system, in clock ticks of 10 ms) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# run_wrk NAME URL CONNECTIONS FILE MODE [extra wrk args]: warm-up, then the measured run → results/NAME.json.
# With cpu_pid set, also the CPU time that process spent per request (robust against other load on the machine).
run_wrk() {
  local name=$1 url=$2 connections=$3 file=$4 mode=$5
  shift 5
  local threads=2
  [ "$connections" -lt 2 ] && threads=1
  # Warm-up: the same requests (cycle), or for single-use requests (once) the ones prepared for it in FILE-warm.
  local warm_file=$file warm_mode=cycle
  if [ "$mode" = once ]; then warm_file=${file%.tsv}-warm.tsv warm_mode=once; fi
  if [ "$warmup" -gt 0 ] && [ -f "$warm_file" ]; then
    wrk -t"$threads" -c"$connections" -d"${warmup}s" "$@" -s bench/wrk/replay.lua "$url" -- "$warm_file" "$warm_mode" "$threads" >/dev/null 2>&1 || true
  fi
  note_load "$name"
  pgss_reset
  local ticks=0
  [ -n "${cpu_pid:-}" ] && ticks=$(cpu_ticks "$cpu_pid")
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s --latency "$@" -s bench/wrk/replay.lua "$url" -- "$file" "$mode" "$threads" \
    >"$results/wrk/$name.txt" 2>&1 || { cat "$results/wrk/$name.txt" >&2; die "wrk failed for $name"; }
  pgss_dump "$name"
  local cpu_ms=null
  [ -n "${cpu_pid:-}" ] && cpu_ms=$(( ($(cpu_ticks "$cpu_pid") - ticks) * 10 ))
  sed -n 's/^BENCH_JSON //p' "$results/wrk/$name.txt" \
    | jq --argjson c "$connections" --argjson cpu "$cpu_ms" '.concurrency = $c | .cpuMsPerRequest = (if $cpu == null or .requests == 0 then null else $cpu / .requests end)' \
    >"$results/$name.json"
  say "$(printf '%-22s' "$name") $(jq -r '"\(.rps | floor) req/s  \(.mbPerS | floor) MB/s  p50 \(.p50Ms) ms  p99 \(.p99Ms) ms  errors \(.errors)"' "$results/$name.json")"
}

# get_lines FILE PATH...: GET requests with the admin's bearer token
get_lines() {
  local file=$1 path
  shift
  : >"$file"
  for path in "$@"; do printf 'GET\t%s\t\tAuthorization: Bearer %s\n' "$path" "$token" >>"$file"; done
}

# start_bare: the bare ASP.NET Core endpoint (bench/BareEndpoint), the reference of the webhook and of the redirect
start_bare() {
  bare_port=$(free_port $((emulator_port + 1)))
  (cd "$bare_dir" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet ItqanRecording.Bench.BareEndpoint.dll --urls "http://127.0.0.1:$bare_port") >"$results/logs/bare.log" 2>&1 &
  bare_pid=$!
  pids+=("$bare_pid")
  wait_http "http://127.0.0.1:$bare_port/health/ready" "$bare_pid" bare
}

# --- webhook for an event we ignore vs a bare endpoint ----------------------------------------------------------
if wants webhook; then
  say "scenario: verified webhook, ignored event"
  tool webhooks --key $livekit_key --secret $livekit_secret --count 20000 --out "$work/webhook-ignored.tsv"
  start_bare
  for round in $(seq 1 "$rounds"); do
    warmup=$(warmup_for "$round") cpu_pid=$bare_pid run_wrk "webhook-bare-r$round" "http://127.0.0.1:$bare_port" $webhook_connections "$work/webhook-ignored.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$api_pid run_wrk "webhook-ignored-r$round" "$api" $webhook_connections "$work/webhook-ignored.tsv" cycle
  done
  kill -TERM "$bare_pid" 2>/dev/null || true
fi

# --- the player's watch-progress heartbeat vs a bare endpoint ------------------------------------------------------
# 20,000 heartbeats of 10 s each over the seeded stream recording, sent as the player sends them: to the recording's
# progress link (the admin's), with no cookie or bearer token; the grant is remembered and heartbeats are merged in
# memory and written once a second. Cycled: the same user and recording, so every flush updates one row. The link
# lasts Storage:SignedLinkLifetime (10 minutes), longer than the scenario; a refused heartbeat would count as an error.
if wants heartbeat; then
  say "scenario: watch-progress heartbeat"
  heartbeat_id=$(seed_json streamRecordingId)
  heartbeat_recording=$(curl -sf -H "Authorization: Bearer $token" "$api/api/recordings/$heartbeat_id")
  heartbeat_length=$(jq -r '.durationSeconds | floor' <<<"$heartbeat_recording")
  heartbeat_link=$(jq -r '.progressUrl' <<<"$heartbeat_recording")
  [ "${heartbeat_length:-0}" -gt 20 ] || die "the seeded stream recording has no length to watch ($heartbeat_length)"
  [[ "$heartbeat_link" == /api/recordings/*/progress\?* ]] || die "the seeded stream recording has no progress link ($heartbeat_link)"
  : >"$work/heartbeat.tsv"
  for i in $(seq 0 19999); do
    from=$(( (i * 10) % (heartbeat_length - 10) ))
    printf 'POST\t%s\t{"fromSeconds":%d,"toSeconds":%d}\tContent-Type: application/json\n' \
      "$heartbeat_link" "$from" $((from + 10)) >>"$work/heartbeat.tsv"
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -d '{"fromSeconds":0,"toSeconds":10}' "$api$heartbeat_link")" = 204 ] || die "a heartbeat was not answered 204"
  start_bare
  for round in $(seq 1 "$rounds"); do
    warmup=$(warmup_for "$round") cpu_pid=$bare_pid run_wrk "heartbeat-bare-r$round" "http://127.0.0.1:$bare_port" $webhook_connections "$work/heartbeat.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$api_pid run_wrk "heartbeat-r$round" "$api" $webhook_connections "$work/heartbeat.tsv" cycle
  done
  kill -TERM "$bare_pid" 2>/dev/null || true
fi

# --- egress_ended applied vs pgbench -N --------------------------------------------------------------------------
if wants egress; then
  say "scenario: egress_ended applied"
  "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -i -s 10 -q pgbench >"$results/logs/pgbench-init.log" 2>&1
  "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -N -c $egress_connections -j 2 -T "$warmup" pgbench >/dev/null 2>&1 || true
  # Each round sends events of its own (an applied event cannot be applied again): 40,000 a round, far more than a
  # round applies, and a separate batch for the warm-up.
  prefix="EG_bench$(date +%H%M%S)"
  tool egress-prepare --db "$tool_url" --count 20000 --prefix "${prefix}w" --storage "$work/recordings" \
    --key $livekit_key --secret $livekit_secret --out "$work/egress-ended-r1-warm.tsv"
  for round in $(seq 1 "$rounds"); do
    tool egress-prepare --db "$tool_url" --count 40000 --prefix "${prefix}r$round" --storage "$work/recordings" \
      --key $livekit_key --secret $livekit_secret --out "$work/egress-ended-r$round.tsv"
  done
  for round in $(seq 1 "$rounds"); do
    note_load "egress-pgbench-r$round"
    "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -N -c $egress_connections -j 2 -T "$duration" pgbench >"$results/wrk/egress-pgbench-r$round.txt" 2>&1
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$results/wrk/egress-pgbench-r$round.txt")
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$results/wrk/egress-pgbench-r$round.txt")
    jq -n --argjson tps "$tps" --argjson lat "${latency:-0}" --argjson c $egress_connections --argjson d "$duration" \
      '{tool:"pgbench -N", concurrency:$c, requests:($tps*$d|floor), durationS:$d, bytes:0, rps:$tps, mbPerS:0, p50Ms:$lat, p90Ms:0, p99Ms:0, maxMs:0, errors:0}' \
      >"$results/egress-pgbench-r$round.json"
    say "egress-pgbench-r$round       $tps tps"
    warmup=$(warmup_for "$round") cpu_pid=$api_pid run_wrk "egress-ended-r$round" "$api" $egress_connections "$work/egress-ended-r$round.tsv" once
    tool egress-verify --db "$tool_url" --prefix "${prefix}r$round" --out "$results/egress-verify-r$round.json"
  done
fi

# --- database round trips per operation, counted ---------------------------------------------------------------
# A second API instance reaches PostgreSQL through the bench tool's counting relay (pg-count): a round trip is a
# burst of protocol messages after the server last answered, so a batch is one. Sequential calls after a warm-up:
# 1,000 egress_ended (each applied once, checked in the database) and 45 Starts and Stops. Counts do not depend on
# the host (the CPU time per operation is in the load runs' rows). The statements pg_stat_statements saw during the
# egress_ended part (the other API idles then) are kept beside them.
if wants counts; then
  say "counts: database round trips of egress_ended, Start and Stop"
  relay_port=$(free_port $((api_port + 20)))
  control_port=$(free_port $((relay_port + 1)))
  # Started without the tool function: its background subshell's pid is not the relay's, so stopping it left the relay running.
  dotnet "$repo/bench/Bench/bin/Release/net10.0/ItqanRecording.Bench.dll" pg-count \
    --listen "$relay_port" --upstream "$pg_port" --control "$control_port" >"$results/logs/pg-count.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 100); do port_free "$control_port" || break; sleep 0.1; done
  counting_port=$(free_port $((control_port + 1)))
  counting=http://127.0.0.1:$counting_port
  db_url="Host=127.0.0.1;Port=$relay_port;Database=itqan_recording;Username=postgres;Application Name=itqan-api-counted;SSL Mode=Disable;GSS Encryption Mode=Disable${BENCH_DB_OPTIONS:+;$BENCH_DB_OPTIONS}" \
    start_api "$counting" api-counting
  counting_pid=$!
  pids+=("$counting_pid")
  wait_http "$counting/health/ready" "$counting_pid" api-counting
  counted() { local fd line; exec {fd}<>"/dev/tcp/127.0.0.1/$control_port"; read -r line <&"$fd"; exec {fd}<&-; echo "$line"; }
  # send FILE: every request of a wrk request file, one after the other, to the counting instance
  send() {
    local fields headers i
    while IFS=$'\t' read -r -a fields; do
      headers=()
      for ((i = 3; i < ${#fields[@]}; i++)); do headers+=(-H "${fields[$i]}"); done
      curl -s -o /dev/null -X "${fields[0]}" "${headers[@]}" --data-binary "${fields[2]}" "$counting${fields[1]}"
    done <"$1"
  }
  # measure NAME COMMAND...: the counting relay's round trips and statements before and after COMMAND
  measure() {
    local name=$1 before after
    shift
    before=$(counted)
    "$@"
    after=$(counted)
    echo "$name ${before% *} ${before#* } ${after% *} ${after#* }" >>"$results/counts.txt"
  }
  : >"$results/counts.txt"
  count_prefix="EG_count$(date +%H%M%S)"
  tool egress-prepare --db "$tool_url" --count 50 --prefix "${count_prefix}w" --storage "$work/recordings" \
    --key $livekit_key --secret $livekit_secret --out "$work/count-egress-warm.tsv"
  tool egress-prepare --db "$tool_url" --count 1000 --prefix "$count_prefix" --storage "$work/recordings" \
    --key $livekit_key --secret $livekit_secret --out "$work/count-egress.tsv"
  send "$work/count-egress-warm.tsv"
  pgss_reset
  measure egress_ended send "$work/count-egress.tsv"
  pgss_dump counts-egress-ended
  tool egress-verify --db "$tool_url" --prefix "$count_prefix" --out "$results/counts-egress-verify.json"
  psql_ -d itqan_recording -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'" >"$results/counts-egress-pgss-calls.txt"
  # Starts and Stops on the last 50 ready sessions (the start/stop scenario takes them from the front): 5 to warm up.
  mapfile -t count_sessions < <(tail -n 50 "$work/seed/ready-sessions.txt" | cut -d' ' -f1)
  # posts CODES SUFFIX ID...: POST …/recordings (Start) or …/recordings/stop for each session; the answers' status codes
  posts() {
    local codes=$1 suffix=$2 id
    shift 2
    for id in "$@"; do
      curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $token" "$counting/api/sessions/$id/recordings$suffix" >>"$codes"
    done
  }
  # posts_from_page CODES ID...: as a teacher does it, GET the session (its page) and then POST its Start; only the
  # Starts are counted (summed into one counts.txt line, start_from_page)
  posts_from_page() {
    local codes=$1 id before after trips=0 statements=0
    shift
    for id in "$@"; do
      curl -s -o /dev/null -H "Authorization: Bearer $token" "$counting/api/sessions/$id"
      before=$(counted)
      curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $token" "$counting/api/sessions/$id/recordings" >>"$codes"
      after=$(counted)
      trips=$((trips + ${after% *} - ${before% *}))
      statements=$((statements + ${after#* } - ${before#* }))
    done
    echo "start_from_page 0 0 $trips $statements" >>"$results/counts.txt"
  }
  posts /dev/null "" "${count_sessions[@]:0:5}"
  sleep 1
  posts /dev/null /stop "${count_sessions[@]:0:5}"
  # Cold: the counting instance has never loaded these sessions (a restart, another instance served the page).
  measure start posts "$results/counts-start.codes" "" "${count_sessions[@]:5:22}"
  posts_from_page "$results/counts-start-from-page.codes" "${count_sessions[@]:27}"
  sleep 1
  measure stop posts "$results/counts-stop.codes" /stop "${count_sessions[@]:5}"
  kill -TERM "$counting_pid" 2>/dev/null || true
  # counts.json: per operation, how many succeeded and what they cost in all
  read_counts() { awk -v n="$1" '$1 == n { printf "{\"roundTrips\": %d, \"statements\": %d}", $4 - $2, $5 - $3 }' "$results/counts.txt"; }
  jq -n --argjson egress "$(read_counts egress_ended)" --argjson start "$(read_counts start)" --argjson stop "$(read_counts stop)" \
    --argjson fromPage "$(read_counts start_from_page)" \
    --argjson startedFromPage "$(grep -c '^201$' "$results/counts-start-from-page.codes" || true)" \
    --argjson applied "$(jq -r '.completed // 0' "$results/counts-egress-verify.json")" \
    --argjson pgss "$(cat "$results/counts-egress-pgss-calls.txt")" \
    --argjson started "$(grep -c '^201$' "$results/counts-start.codes" || true)" \
    --argjson stopped "$(grep -c '^200$' "$results/counts-stop.codes" || true)" \
    '{egressEnded: ($egress + {operations: $applied, pgssStatements: $pgss}), start: ($start + {operations: $started}), startFromPage: ($fromPage + {operations: $startedFromPage}), stop: ($stop + {operations: $stopped})}' \
    >"$results/counts.json"
  cat "$results/counts.json"
fi

# --- streaming and download vs nginx -----------------------------------------------------------------------------
# Ours: the API behind the shipped nginx front (deploy/nginx/itqan-recording.conf, rendered for this run: its
# upstream is the API, it listens on a free port, its internal location is the bench's storage root), which sends
# the bytes after the API's X-Accel-Redirect. The reference: the same nginx serving the file directly. For the record,
# a second API without the front setting is measured straight through Kestrel (informational rows).
stream_id=$(seed_json streamRecordingId)
stream_bytes=$(seed_json streamBytes)
# The object-store scenario moves this recording into a bucket that ends with the run; a kept cluster gets it back.
psql_ -d itqan_recording -c "UPDATE recordings SET file_store = 'local' WHERE id = '$stream_id'" >/dev/null
chunk=$((1024 * 1024))
chunks=$((stream_bytes / chunk))
ranges() { # FILE PATH AUTH: every 1 MiB range of the file, in a scattered order
  local file=$1 path=$2 auth=$3 i
  : >"$file"
  for i in $(seq 0 $((chunks - 1)) | awk 'BEGIN{srand(6)} {print rand() "\t" $0}' | sort -n | cut -f2); do
    printf 'GET\t%s\t\tRange: bytes=%d-%d%s\n' "$path" $((i * chunk)) $((i * chunk + chunk - 1)) "$auth" >>"$file"
  done
}
if wants stream || wants download; then
  nginx_port=$(free_port $((api_port + 10)))
  front_port=$(free_port $((nginx_port + 1)))
  direct_port=$(free_port $((front_port + 1)))
  front=http://127.0.0.1:$front_port
  direct=http://127.0.0.1:$direct_port
  mkdir -p "$work/nginx/tmp"
  sed -e "s|server 127.0.0.1:5000;|server 127.0.0.1:$api_port;|" -e "s|listen 80;|listen 127.0.0.1:$front_port;|" \
    -e "s|alias /var/lib/itqan/recordings/;|alias $work/recordings/;|" deploy/nginx/itqan-recording.conf >"$work/nginx/itqan-recording.conf"
  for rendered in "127.0.0.1:$api_port;" "listen 127.0.0.1:$front_port;" "alias $work/recordings/;" "location $front_prefix "; do
    grep -qF "$rendered" "$work/nginx/itqan-recording.conf" || die "deploy/nginx/itqan-recording.conf changed: could not render '$rendered'"
  done
  sed -e "s|@WORK@|$work/nginx|g" -e "s|@ROOT@|$work/recordings|g" -e "s|@PORT@|$nginx_port|g" bench/nginx/nginx.conf >"$work/nginx/nginx.conf"
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$results/logs/nginx.log" 2>&1 &
  nginx_pid=$!
  pids+=("$nginx_pid")
  for _ in $(seq 1 50); do port_free "$nginx_port" || break; sleep 0.1; done
  start_api "$direct" api-direct
  direct_pid=$!
  pids+=("$direct_pid")
  wait_http "$direct/health/ready" "$direct_pid" api-direct
  wait_http "$front/health/ready" "$api_pid" front
  # What a client gets through the front: kept for the record, and a 1 KiB range must come back as 206 with 1 KiB.
  got=$(curl -s -D "$results/logs/front-headers.txt" -o /dev/null -w '%{http_code} %{size_download}' -r 0-1023 \
    -H "Authorization: Bearer $token" "$front/api/recordings/$stream_id/stream" || true)
  [ "$got" = "206 1024" ] || say "the nginx front answered '$got' to a 1 KiB range (see $results/logs/front-headers.txt)"
fi
if wants stream; then
  say "scenario: stream in 1 MiB ranges"
  ranges "$work/stream-nginx.tsv" /files/bench/stream-200mb.mp4 ""
  ranges "$work/stream.tsv" "/api/recordings/$stream_id/stream" $'\t'"Authorization: Bearer $token"
  for round in $(seq 1 "$rounds"); do
    warmup=$(warmup_for "$round") run_wrk "stream-nginx-r$round" "http://127.0.0.1:$nginx_port" $stream_connections "$work/stream-nginx.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$api_pid run_wrk "stream-r$round" "$front" $stream_connections "$work/stream.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$direct_pid run_wrk "stream-kestrel-r$round" "$direct" $stream_connections "$work/stream.tsv" cycle
  done
fi
if wants download; then
  say "scenario: download of the whole file"
  printf 'GET\t/files/bench/stream-200mb.mp4\t\n' >"$work/download-nginx.tsv"
  get_lines "$work/download.tsv" "/api/recordings/$stream_id/download"
  for round in $(seq 1 "$rounds"); do
    warmup=$(warmup_for "$round") run_wrk "download-nginx-r$round" "http://127.0.0.1:$nginx_port" $download_connections "$work/download-nginx.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$api_pid run_wrk "download-r$round" "$front" $download_connections "$work/download.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$direct_pid run_wrk "download-kestrel-r$round" "$direct" $download_connections "$work/download.tsv" cycle
  done
fi
if [ -n "${direct_pid:-}" ]; then kill -TERM "$direct_pid" 2>/dev/null || true; fi

# --- the stream with recordings in object storage ------------------------------------------------------------------
# tools/CephGateway starts a throw-away Ceph RADOS Gateway with a bucket (objects in memory); the stream recording
# moves into it as migrate-storage would; a third API (Storage__Provider=S3, no front: the store sends the bytes)
# answers …/stream with a 302 to a presigned GET. In alternating rounds: that answer (wrk, the same 1 MiB Range
# requests with the bearer token) against the bare endpoint's GET → 302; and the bytes a player gets by following it,
# range after range, against the gateway's own GET of the same ranges (bench tool, the same client for both).
if wants objectstore; then
  say "scenario: stream from the object store"
  store_settings="$work/object-store.env"
  rm -f "$store_settings"
  (cd "$gateway_dir" && exec dotnet ItqanRecording.CephGateway.dll "$store_settings") >"$results/logs/gateway.log" 2>&1 &
  gateway_pid=$!
  pids+=("$gateway_pid")
  for _ in $(seq 1 180); do [ -f "$store_settings" ] || ! kill -0 "$gateway_pid" 2>/dev/null && break; sleep 1; done
  [ -f "$store_settings" ] || { tail -n 20 "$results/logs/gateway.log" >&2; die "the object store did not start"; }
  tool object-store-seed --db "$tool_url" --settings "$store_settings" --recording "$stream_id" --storage "$work/recordings" \
    --out "$work/object-store-seed.json"
  s3_port=$(free_port $((api_port + 30)))
  s3_api=http://127.0.0.1:$s3_port
  mapfile -t in_bucket <"$store_settings"
  start_api "$s3_api" api-s3 "${in_bucket[@]}"
  s3_pid=$!
  pids+=("$s3_pid")
  wait_http "$s3_api/health/ready" "$s3_pid" api-s3
  start_bare
  got=$(curl -s -D "$results/logs/object-store-headers.txt" -o /dev/null -w '%{http_code}' -r 0-1023 \
    -H "Authorization: Bearer $token" "$s3_api/api/recordings/$stream_id/stream" || true)
  [ "$got" = 302 ] || die "the API on the object store answered $got to a range, not 302 (see $results/logs/object-store-headers.txt)"
  ranges "$work/redirect.tsv" "/api/recordings/$stream_id/stream" $'\t'"Authorization: Bearer $token"
  printf 'GET\t/redirect\t\n' >"$work/redirect-bare.tsv"
  for round in $(seq 1 "$rounds"); do
    warmup=$(warmup_for "$round") cpu_pid=$bare_pid run_wrk "redirect-bare-r$round" "http://127.0.0.1:$bare_port" $webhook_connections "$work/redirect-bare.tsv" cycle
    warmup=$(warmup_for "$round") cpu_pid=$s3_pid run_wrk "redirect-r$round" "$s3_api" $webhook_connections "$work/redirect.tsv" cycle
  done
  kill -TERM "$bare_pid" 2>/dev/null || true
  for round in $(seq 1 "$rounds"); do
    note_load "store-direct-r$round"
    tool object-store-stream --mode direct --seed "$work/object-store-seed.json" --concurrency $stream_connections \
      --duration "$duration" --warmup "$(warmup_for "$round")" --out "$results/store-direct-r$round.json"
    note_load "store-stream-r$round"
    tool object-store-stream --mode api --api "$s3_api/api/recordings/$stream_id/stream" --token "$token" \
      --seed "$work/object-store-seed.json" --concurrency $stream_connections \
      --duration "$duration" --warmup "$(warmup_for "$round")" --out "$results/store-stream-r$round.json"
  done
  kill -TERM "$s3_pid" "$gateway_pid" 2>/dev/null || true
  psql_ -d itqan_recording -c "UPDATE recordings SET file_store = 'local' WHERE id = '$stream_id'" >/dev/null
fi

# --- catalogue latency vs the same SQL through Npgsql ------------------------------------------------------------
# capture NAME PATH: the statements one request runs, from the PostgreSQL log, and their plans
capture() {
  local name=$1 path=$2 offset
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$api$path" || { say "GET $path failed; $name not measured"; return 1; }
  offset=$(stat -c %s "$pg_log")
  psql_ -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  curl -sf -o "$results/sql/$name.response.json" -H "Authorization: Bearer $token" "$api$path"
  psql_ -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  tool capture-sql --log "$pg_log" --offset "$offset" --app itqan-api --out "$results/sql/$name.json"
  tool explain --db "$tool_url" --statements "$results/sql/$name.json" --out "$results/plans/$name.txt" >/dev/null
}

# latency NAME CONNECTIONS PATH... : in alternating rounds, the captured SQL directly (ids swapped as wrk does), then
# wrk over the paths
latency() {
  local name=$1 connections=$2 round
  shift 2
  capture "$name" "$1" || return 0
  get_lines "$work/$name.tsv" "$@"
  local replace=() ids=()
  if [ -n "${swap_ids:-}" ]; then replace=(--replace "$(head -n 1 "$swap_ids")"); ids=(--ids "$swap_ids"); fi
  for round in $(seq 1 "$rounds"); do
    note_load "$name-raw-r$round"
    tool raw-sql --db "$raw_url" --statements "$results/sql/$name.json" --concurrency "$connections" \
      --duration "$duration" --warmup "$(warmup_for "$round")" "${replace[@]}" "${ids[@]}" --out "$results/$name-raw-r$round.json"
    warmup=$(warmup_for "$round") cpu_pid=$api_pid run_wrk "$name-r$round" "$api" "$connections" "$work/$name.tsv" cycle
  done
}

if wants catalogue; then
  say "scenario: catalogue"
  mapfile -t session_ids <"$work/seed/sessions.txt"
  swap_ids="$work/seed/sessions.txt"
  session_paths=()
  for id in "${session_ids[@]}"; do session_paths+=("/api/sessions/$id/recordings"); done
  latency session-list $catalogue_connections "${session_paths[@]}"
  swap_ids=

  teacher=$(seed_json teacherId)
  page="/api/recordings?status=completed&teacherId=$teacher&limit=50"
  latency catalogue-page $catalogue_connections "$page"

  # Follow nextCursor to a late page (bounded), then measure that page.
  cursor=
  late=1
  for _ in $(seq 2 $catalogue_late_page); do
    next=$(curl -sf -H "Authorization: Bearer $token" "$api$page${cursor:+&cursor=$cursor}" | jq -r '.nextCursor // empty | @uri') || break
    [ -n "$next" ] || break
    cursor=$next
    late=$((late + 1))
  done
  if [ -n "$cursor" ]; then
    catalogue_late_page=$late
    latency catalogue-late $catalogue_connections "$page&cursor=$cursor"
  else
    say "no second page: the catalogue list gave no nextCursor"
  fi
  latency catalogue-stats $stats_connections "/api/recordings/stats"
fi

# --- the analytics dashboard over the same million recordings, their classes' stays and watch progress ----------------
if wants analytics; then
  say "scenario: analytics"
  teacher=$(seed_json teacherId)
  year_ago=$(date -u -d '-364 days' +%F)
  # One academy-wide answer takes seconds (9-10 s with the caches cold after the other scenarios): rounds four times
  # as long, so each of ours completes some.
  duration=$((duration * 4)) latency analytics-academy $stats_connections "/api/analytics"
  latency analytics-teacher $catalogue_connections "/api/analytics?teacherId=$teacher&from=$year_ago&bucket=month"
fi

# --- start + stop against the emulator -----------------------------------------------------------------------------
if wants startstop; then
  say "scenario: start + stop, $startstop_concurrency sessions at once"
  note_load startstop
  pgss_reset
  tool start-stop --api "$api/" --token "$token" --emulator "$emulator/" --key $livekit_key --secret $livekit_secret \
    --sessions "$work/seed/ready-sessions.txt" --concurrency $startstop_concurrency --rounds "${BENCH_STARTSTOP_ROUNDS:-5}" --out "$results" || true
  pgss_dump startstop
fi

# --- the first Start of a fresh API process -----------------------------------------------------------------------
# Three times: a new API process on the same database, ready, a teacher signs in, and the clock runs for their first
# Start only (then it is stopped and the process ends). What the warm-up (StartupWarmup) does not cover shows here.
if wants firststart; then
  say "scenario: first Start after the API started, 3 fresh processes"
  first_runs=()
  for run in 1 2 3; do
    note_load "firststart-$run"
    fresh_port=$(free_port $((api_port + 10 + run)))
    fresh=http://127.0.0.1:$fresh_port
    start_api "$fresh" "api-first-start-$run"
    fresh_pid=$!
    pids+=("$fresh_pid")
    wait_http "$fresh/health/ready" "$fresh_pid" "api (first start $run)"
    fresh_token=$(curl -sf -X POST "$fresh/api/auth/login" -H 'Content-Type: application/json' \
      -d '{"email":"teacher@demo.itqan","password":"Demo#2026"}' | jq -r .accessToken)
    session=$(curl -sf "$fresh/api/sessions" -H "Authorization: Bearer $fresh_token" \
      | jq -r '.[] | select(.title == "Tajweed Foundations - Session 2") | .id')
    answer=$(curl -s -o "$results/logs/first-start-$run.json" -w '%{http_code} %{time_total}' -X POST \
      "$fresh/api/sessions/$session/recordings" -H "Authorization: Bearer $fresh_token")
    say "first Start $run: $answer"
    [ "${answer%% *}" = 201 ] && first_runs+=("$(awk -v s="${answer#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
    sleep 3
    curl -s -o /dev/null -X POST "$fresh/api/sessions/$session/recordings/stop" -H "Authorization: Bearer $fresh_token" || true
    kill -TERM "$fresh_pid" 2>/dev/null || true
    wait "$fresh_pid" 2>/dev/null || true
  done
  echo "{\"runsMs\": [$(IFS=,; echo "${first_runs[*]}")]}" >"$results/first-start.json"
fi

# --- memory after all scenarios ------------------------------------------------------------------------------------
if [ -r "/proc/$api_pid/status" ]; then
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$api_pid/status")
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$api_pid/status")
  echo "{\"rssMb\": $((rss / 1024)), \"peakMb\": $((hwm / 1024))}" >"$results/memory.json"
  # What the RSS is made of: anonymous memory (heaps, JIT'd code, stacks) against mapped files (the assemblies, shared)
  { grep -E '^(RssAnon|RssFile|RssShmem|VmHWM|Threads)' "/proc/$api_pid/status"
    echo; pmap -x "$api_pid" | sort -k3 -n -r | head -40; } >"$results/memory-map.txt" 2>/dev/null || true
  say "API RSS $((rss / 1024)) MB (peak $((hwm / 1024)) MB)"
fi

cat >"$results/meta.json" <<META
{
  "date": "$(date -u +%Y-%m-%dT%H:%MZ)",
  "commit": "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tools bench 2>/dev/null || echo '+changes')",
  "duration_s": "$duration",
  "rounds": "$rounds",
  "warmup_s": "$warmup",
  "recordings": "$academy_counts",
  "sessions": "$sessions",
  "seed_s": "$seed_seconds",
  "webhook_connections": "$webhook_connections",
  "egress_connections": "$egress_connections",
  "stream_connections": "$stream_connections",
  "download_connections": "$download_connections",
  "catalogue_connections": "$catalogue_connections",
  "stats_connections": "$stats_connections",
  "catalogue_late_page": "page $catalogue_late_page",
  "startstop_concurrency": "$startstop_concurrency",
  "postgres": "shared_buffers 2GB, synchronous_commit on",
  "load_average": "$load_start at the start, highest before a measured run $busiest_load (results/load.txt)"
}
META

# --- micro-benchmarks, with the services stopped -----------------------------------------------------------------
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
if wants media; then
  # Real media for the media jobs: 5 minutes of 720p H.264/AAC and 10 minutes of Opus, made once per work folder.
  mkdir -p "$work/media"
  if [ ! -s "$work/media/lesson-720p.mp4" ]; then
    say "making 5 minutes of 720p video for the media jobs"
    ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 300 \
      -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -movflags +faststart -y "$work/media/lesson-720p.mp4"
  fi
  if [ ! -s "$work/media/circle.ogg" ]; then
    ffmpeg -v error -f lavfi -i "sine=frequency=330" -af "volume='0.2+0.8*abs(sin(t))':eval=frame" -t 600 \
      -c:a libopus -b:a 48k -y "$work/media/circle.ogg"
  fi
  say "scenario: media jobs (CPU of the API's ffmpeg calls)"
  tool media-cost --video "$work/media/lesson-720p.mp4" --audio "$work/media/circle.ogg" --out "$results/media.json"
fi
if wants micro; then
  say "micro-benchmarks (BenchmarkDotNet, short job)"
  tool micro --artifacts "$results/micro" >"$results/logs/micro.log" 2>&1 || { tail -n 30 "$results/logs/micro.log" >&2; say "micro-benchmarks failed"; }
fi

tool report --results "$results" --out "$report"
