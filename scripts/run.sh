#!/usr/bin/env bash
# `make run`: the dev database, the LiveKit emulator and the API with demo data, on this machine.
# `make run-cluster` (scripts/run.sh --cluster): the same with two API instances behind nginx as a load balancer
# (the shipped deploy/nginx front with both in its upstream), on one database and one bucket: new recordings go to a
# throw-away Ceph RADOS Gateway (tools/CephGateway, objects in memory), the demo's files stay in the local folder.
# LiveKit's webhooks go through the balancer too, so either instance may receive them.
# Ctrl-C stops all of it; the database and the local recordings stay in .data/ for the next run (the bucket does not:
# recordings made in a cluster run show as "file missing" in the next one).
set -euo pipefail

cluster=false
case "${1:-}" in
  --cluster) cluster=true ;;
  "") ;;
  *) echo "usage: scripts/run.sh [--cluster]" >&2; exit 2 ;;
esac

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
second_api_pid=
nginx_pid=
emulator_pid=
gateway_pid=

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
  stop_group "$nginx_pid"
  stop_group "$second_api_pid"
  stop_group "$api_pid"
  stop_group "$emulator_pid"
  stop_group "$gateway_pid"
  scripts/dev-db.sh stop || true
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

fail() {
  echo "run: $1" >&2
  for log in "$logs/gateway.log" "$logs/emulator.log" "$logs/api.log" "$logs/api-2.log" "$logs/nginx-error.log"; do
    [ -f "$log" ] && { echo "--- last lines of $log" >&2; tail -n 30 "$log" >&2; }
  done
  exit 1
}

ports=(5080 7880)
# In a cluster the balancer takes 5080 and the instances 5081 and 5082.
if $cluster; then ports+=(5081 5082); fi
for port in "${ports[@]}"; do
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
if $cluster; then dotnet build tools/CephGateway/CephGateway.csproj -nologo -v q; fi

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

# The API serves the web app from its web root (default src/Api/wwwroot, which nothing fills): use the build above.
webroot="$repo/src/Api/wwwroot"
if [ -f web/dist/index.html ]; then webroot="$repo/web/dist"; fi

# start_api URL LOG [extra VAR=value ...]: one API instance in its own session; its pid in $started_pid.
start_api() {
  local url=$1 log=$2
  shift 2
  env ConnectionStrings__Recording="$db_url" \
    LiveKit__Url=$emulator_url \
    LiveKit__ApiKey=$livekit_key \
    LiveKit__ApiSecret=$livekit_secret \
    Storage__RootPath="$recordings" \
    Storage__EgressPathPrefix=/recordings \
    ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_WEBROOT="$webroot" \
    "$@" \
    setsid dotnet run --no-build --project src/Api -- --urls "$url" >"$log" 2>&1 &
  started_pid=$!
}

# wait_ready URL PID: until URL/health/ready answers 200, or PID or the emulator exits, or the time is up.
wait_ready() {
  local url=$1 pid=$2 deadline=$((SECONDS + ready_timeout))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready" || true)" = 200 ]; do
    kill -0 "$emulator_pid" 2>/dev/null || fail "the LiveKit emulator exited"
    kill -0 "$pid" 2>/dev/null || fail "the API at $url exited"
    [ "$SECONDS" -lt "$deadline" ] || fail "the API was not ready within ${ready_timeout}s ($url/health/ready)"
    sleep 1
  done
}

if ! $cluster; then
  echo "run: starting the API (log: $logs/api.log)"
  start_api "$api_url" "$logs/api.log" Database__MigrateOnStartup=true Seed__Demo=true
  api_pid=$started_pid
  wait_ready "$api_url" "$api_pid"
else
  # Behind the balancer nginx sends the local files and fetches the objects (X-Accel-Redirect: clients never see the
  # store's address) and its address is the trusted proxy. The first instance migrates and seeds; the second starts
  # once that is done, so they never race for it.
  cluster_settings=(Storage__AcceleratedRedirectPrefix=/_recording-files/ Storage__S3__AcceleratedRedirectPrefix=/_recording-objects/
    ForwardedHeaders__KnownProxies__0=127.0.0.1)
  # One bucket for both: the gateway writes the Storage__* settings that lead to it.
  echo "run: starting the object store, a throw-away Ceph RADOS Gateway (log: $logs/gateway.log)"
  store_settings="$repo/.data/object-store.env"
  rm -f "$store_settings"
  setsid dotnet run --no-build --project tools/CephGateway -- "$store_settings" >"$logs/gateway.log" 2>&1 &
  gateway_pid=$!
  deadline=$((SECONDS + ready_timeout))
  until [ -f "$store_settings" ]; do
    kill -0 "$gateway_pid" 2>/dev/null || fail "the object store did not start"
    [ "$SECONDS" -lt "$deadline" ] || fail "the object store was not ready within ${ready_timeout}s"
    sleep 1
  done
  mapfile -t in_bucket <"$store_settings"
  cluster_settings+=("${in_bucket[@]}")
  store_url=$(sed -n 's/^Storage__S3__ServiceUrl=//p' "$store_settings")
  echo "run: starting API instance 1 (log: $logs/api.log)"
  start_api http://localhost:5081 "$logs/api.log" Database__MigrateOnStartup=true Seed__Demo=true "${cluster_settings[@]}"
  api_pid=$started_pid
  wait_ready http://localhost:5081 "$api_pid"
  echo "run: starting API instance 2 (log: $logs/api-2.log)"
  start_api http://localhost:5082 "$logs/api-2.log" "${cluster_settings[@]}"
  second_api_pid=$started_pid
  wait_ready http://localhost:5082 "$second_api_pid"

  echo "run: starting nginx as the load balancer on 5080 (error log: $logs/nginx-error.log)"
  nginx_dir="$repo/.data/nginx"
  mkdir -p "$nginx_dir/temp"
  front=$(sed -e 's|server 127.0.0.1:5000;|server 127.0.0.1:5081;\n    server 127.0.0.1:5082;|' \
    -e 's|listen 80;|listen 127.0.0.1:5080;|' \
    -e "s|alias /var/lib/itqan/recordings/;|alias $recordings/;|" \
    -e "s|proxy_pass http://127.0.0.1:7480/;|proxy_pass ${store_url%/}/;|" deploy/nginx/itqan-recording.conf)
  cat >"$nginx_dir/nginx.conf" <<NGINX
daemon off;
master_process off;
pid $nginx_dir/nginx.pid;
error_log $logs/nginx-error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path $nginx_dir/temp;
  proxy_temp_path $nginx_dir/temp;
  fastcgi_temp_path $nginx_dir/temp;
  uwsgi_temp_path $nginx_dir/temp;
  scgi_temp_path $nginx_dir/temp;
$front
}
NGINX
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  setsid "$nginx_bin" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" >/dev/null 2>&1 &
  nginx_pid=$!
  wait_ready "$api_url" "$nginx_pid"
fi

cat <<INFO

  Itqan Recording is running.
    App        $api_url/$($cluster && echo "   (nginx, balancing http://localhost:5081 and http://localhost:5082)")$($cluster && echo "
    Bucket     $(sed -n 's/^Storage__S3__Bucket=//p' "$store_settings") at $(sed -n 's/^Storage__S3__ServiceUrl=//p' "$store_settings")   (in memory: gone at Ctrl-C)")
    Swagger    $api_url/swagger
    Emulator   $emulator_url

  Demo logins (password Demo#2026):
    admin@demo.itqan   teacher@demo.itqan   student@demo.itqan   outsider@demo.itqan   admin2@demo.itqan

  Logs: $logs/api.log$($cluster && echo ", $logs/api-2.log, $logs/nginx-error.log, $logs/gateway.log"), $logs/emulator.log
  Press Ctrl-C to stop.

INFO

# Wait until Ctrl-C, or until one of the services stops by itself.
set +e
# shellcheck disable=SC2086 # the pids of services that do not run are empty and must vanish
wait -n $api_pid $second_api_pid $nginx_pid $emulator_pid $gateway_pid
fail "a service stopped unexpectedly"
