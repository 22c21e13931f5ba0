#!/usr/bin/env bash
# The installer on a fresh machine: scripts/install-deps.sh where the package lists were never downloaded and none of
# the packages the project installs are present, then scripts/dev-db.sh start and stop on what it installed.
#
# How: as root, in private mount, PID and IPC namespaces (unshare), an overlay over the root filesystem whose writable
# layer is a tmpfs. Inside the overlay only, the project's packages are purged with apt-get together with what only they
# needed, /var/lib/apt/lists and /var/cache/apt are emptied, the postgres user is removed, and the working tree's files
# (what a clone would have) are copied to /srv/itqan-recording; then the installer runs there under chroot. Services are
# not started by the packages (policy-rc.d, as in Debian's container images), since the network is the host's.
#
# It checks that install-deps.sh exits 0; that apt-get update ran before any apt-cache look-up or apt-get install;
# that Debian's chromium (not Ubuntu's chromium-browser) is installed and renders a page headless; that ffmpeg writes
# the emulator's kind of MP4 (H.264 + AAC) and ffprobe reads it; that fontconfig offers Chromium a font with Arabic
# letters; that PostgreSQL 15's initdb and curl run; that Ceph's monitor, OSD and RADOS Gateway run (the S3 tests); that the postgres user exists; that a second run prints nothing and calls no apt; that dev-db.sh start serves PostgreSQL 15
# and stop stops it; and afterwards that the host's dpkg status, package lists and apt cache did not change.
#
#   tests/install/fresh-machine-test.sh [--repo DIR]    DIR: the checkout whose scripts are tested (default: this one)
#
# Exits 0 when every check passed, 1 when one failed, 77 (with one line saying why) when this machine cannot run it:
# it needs root, unshare, chroot and an overlay mount over /. It downloads the packages from the machine's apt sources
# (about 185 MB) and is stopped after FRESH_MACHINE_TIMEOUT seconds (default 900).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self="$here/$(basename "${BASH_SOURCE[0]}")"
repo=$(cd "$here/../.." && pwd)
limit=${FRESH_MACHINE_TIMEOUT:-900}
# The packages scripts/install-deps.sh installs, as dpkg-query patterns: what is installed of them is purged.
project_packages=('postgresql*' 'chromium*' ffmpeg curl 'fonts-dejavu*' 'nginx*' 'ceph*' radosgw python3-aiosmtpd)
repo_copy=/srv/itqan-recording
apt_log=/var/log/itqan-apt-calls.log

say() { echo "fresh-machine: $*"; }
not_run() { say "not run: $*"; exit 77; }

# --- inside the namespaces -----------------------------------------------------------------------------------------
# $1 = the tmpfs mount point, $2 = the checkout to copy. Runs as PID 1 of its own PID namespace: when it exits, every
# process it started (apt, postgres, chromium) is killed and its mounts vanish with the mount namespace.
inside() {
  local tmp=$1 source=$2
  local root="$tmp/root" failures=0

  fail() { say "FAIL: $*"; failures=$((failures + 1)); }
  pass() { say "ok: $*"; }
  fatal() { say "FAIL: $*"; say "stopped after the failure above"; exit 1; }
  in_chroot() {
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
  }

  mount -t tmpfs -o size=6g,mode=755 itqan-fresh-machine "$tmp"
  mkdir "$tmp/upper" "$tmp/work" "$root"
  mount -t overlay itqan-fresh-machine -o "lowerdir=/,upperdir=$tmp/upper,workdir=$tmp/work" "$root"
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys"
  mount --rbind /dev "$root/dev"
  mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  mount -t tmpfs -o mode=755 tmpfs "$root/run"

  local started=$SECONDS
  say "making the fresh machine: purging the project's packages inside the overlay"
  project_installed() {
    { in_chroot dpkg-query -W -f='${Package} ${Status}\n' "${project_packages[@]}" 2>/dev/null || true; } \
      | awk '/ install ok installed$/ { print $1 }' | tr '\n' ' '
  }
  local installed
  installed=$(project_installed)
  printf '#!/bin/sh\n# fresh-machine test: packages do not start services here\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  installed_packages() { in_chroot dpkg-query -W -f='${Package} ${Status}\n' | awk '/ ok installed$/ { print $1 }' | sort; }
  installed_count() { installed_packages | wc -l; }
  local count_before
  count_before=$(installed_count)
  if [ -n "$installed" ]; then
    # Ceph's packages pulled in sudo; a fresh machine keeps it (and dpkg refuses to remove it without a root password).
    in_chroot apt-mark manual sudo >/dev/null 2>&1 || true
    # shellcheck disable=SC2086  # one word per package
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq --auto-remove $installed >"$tmp/purge.log" 2>&1 \
      || { tail -n 20 "$tmp/purge.log"; fatal "could not purge $installed"; }
    say "purged $installed and what only they needed: $((count_before - $(installed_count))) packages fewer"
  fi
  in_chroot sh -c 'userdel postgres 2>/dev/null; groupdel postgres 2>/dev/null; rm -rf /var/lib/postgresql' || true
  rm -rf "$root/var/lib/apt/lists" "$root/var/cache/apt"
  mkdir -p "$root/var/lib/apt/lists/partial" "$root/var/cache/apt/archives/partial"

  # Spies on apt: each call is logged in order, then the real program runs.
  local tool
  for tool in apt-get apt-cache; do
    printf '#!/bin/sh\necho "%s $*" >>%s\nexec /usr/bin/%s "$@"\n' "$tool" "$apt_log" "$tool" >"$root/usr/local/sbin/$tool"
    chmod +x "$root/usr/local/sbin/$tool"
  done

  # What a fresh clone of the checkout holds: tracked and untracked files that git does not ignore.
  mkdir -p "$root$repo_copy"
  git -C "$source" ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' file; do if [ -e "$source/$file" ] || [ -L "$source/$file" ]; then printf '%s\0' "$file"; fi; done \
    | tar -C "$source" --null -T - -cf - | tar -C "$root$repo_copy" -xf -

  [ -z "$(project_installed)" ] || fatal "still installed after the purge: $(project_installed)"
  local program still_present=()
  for program in chromium chromium-browser ffmpeg ffprobe curl nginx initdb pg_ctl psql ceph-mon ceph-osd radosgw radosgw-admin; do
    if in_chroot sh -c "command -v $program" >/dev/null; then still_present+=("$program"); fi
  done
  [ ${#still_present[@]} -eq 0 ] || fatal "still present after the purge: ${still_present[*]}"
  ! compgen -G "$root/usr/lib/postgresql/*/bin/initdb" >/dev/null || fatal "a PostgreSQL server is still present"
  ! in_chroot id postgres >/dev/null 2>&1 || fatal "the postgres user still exists"
  [ -z "$(in_chroot apt-cache policy chromium 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '(none)')" ] \
    || fatal "apt-cache still knows chromium: the package lists are not empty"
  for program in dotnet node npm; do
    in_chroot sh -c "command -v $program" >/dev/null || fatal "$program is gone too; the machine must keep it"
  done
  : >"$root$apt_log"
  pass "fresh machine ready in $((SECONDS - started))s: no package lists, no chromium/ffmpeg/ffprobe/curl/PostgreSQL, no postgres user"

  # --- the installer ---------------------------------------------------------------------------------------------
  started=$SECONDS
  say "running scripts/install-deps.sh (downloads the packages)"
  installed_packages >"$tmp/packages-before"
  local status=0
  in_chroot sh -c "cd $repo_copy && scripts/install-deps.sh" >"$tmp/install.log" 2>&1 || status=$?
  sed 's/^/  | /' "$tmp/install.log"
  say "apt calls, in order:"
  sed 's/^/  | /' "$root$apt_log"
  local first_update
  first_update=$(grep -n '^apt-get update' "$root$apt_log" | head -n 1 | cut -d: -f1)
  if [ -z "$first_update" ]; then
    fail "apt-get update never ran"
  elif head -n "$((first_update - 1))" "$root$apt_log" | grep -q .; then
    fail "apt was asked before apt-get update: $(head -n "$((first_update - 1))" "$root$apt_log" | tr '\n' ';')"
  else
    pass "apt-get update ran before any look-up or install"
  fi
  if grep -q '^apt-get install.* chromium\( \|$\)' "$root$apt_log" && ! grep -q 'chromium-browser' "$root$apt_log"; then
    pass "Debian's chromium was asked for, not chromium-browser"
  else
    fail "the install did not ask for Debian's chromium"
  fi

  [ "$status" -eq 0 ] || fatal "install-deps.sh exited $status after $((SECONDS - started))s"
  local new_packages
  new_packages=$(installed_packages | comm -13 "$tmp/packages-before" -)
  # shellcheck disable=SC2086  # one word per package
  pass "install-deps.sh exited 0 after $((SECONDS - started))s; it installed $(echo "$new_packages" | wc -l) packages," \
    "$(in_chroot apt-cache show --no-all-versions $new_packages | awk '/^Size:/ { s += $2 } END { print int(s / 1048576) }') MB downloaded"

  # --- what it installed -----------------------------------------------------------------------------------------
  local dom
  dom=$(in_chroot chromium --headless --no-sandbox --disable-gpu --user-data-dir=/tmp/chromium-profile --dump-dom \
    'data:text/html;charset=utf-8,<p id="probe">itqan-probe تسجيل</p>' 2>/dev/null || true)
  if [[ "$dom" == *'<p id="probe">itqan-probe تسجيل</p>'* ]]; then pass "chromium renders a page headless"
  else fail "chromium did not render a page headless (got: ${dom:0:200})"; fi

  if in_chroot ffmpeg -v error -f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 \
      -t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -f mp4 -y /tmp/probe.mp4 \
    && [ "$(in_chroot ffprobe -v error -show_entries stream=codec_name -of csv=p=0 /tmp/probe.mp4 | sort | tr '\n' ' ')" = "aac h264 " ]; then
    pass "ffmpeg writes an H.264/AAC MP4 and ffprobe reads it"
  else
    fail "ffmpeg/ffprobe could not write and read an H.264/AAC MP4"
  fi

  # Chromium asks fontconfig for a font with Arabic letters when it draws the Arabic pages (and their screenshots).
  local fc_list arabic=
  fc_list=$(in_chroot sh -c 'command -v fc-list' || true)
  if [ -z "$fc_list" ] && [ -x /usr/bin/fc-list ]; then cp /usr/bin/fc-list "$root/tmp/fc-list"; fc_list=/tmp/fc-list; fi
  if [ -n "$fc_list" ]; then arabic=$(in_chroot "$fc_list" :lang=ar family 2>/dev/null | head -n 1 || true); fi
  if [ -z "$fc_list" ]; then fail "cannot tell whether a font covers Arabic: no fc-list here or on the host"
  elif [ -n "$arabic" ]; then pass "a font covers Arabic ($arabic)"
  else fail "no font covers Arabic (fc-list :lang=ar finds none)"; fi

  local initdb_version
  initdb_version=$(in_chroot /usr/lib/postgresql/15/bin/initdb --version 2>/dev/null || true)
  if [[ "$initdb_version" == *" 15."* ]]; then pass "PostgreSQL 15 installed ($initdb_version)"
  else fail "no PostgreSQL 15 initdb (got: $initdb_version)"; fi
  if in_chroot id postgres >/dev/null 2>&1; then pass "the postgres user exists"; else fail "no postgres user"; fi
  if in_chroot curl -sf -o /dev/null file:///etc/os-release; then pass "curl runs"; else fail "curl does not run"; fi
  local program
  for program in ceph-mon ceph-osd radosgw; do
    if in_chroot "$program" --version >/dev/null 2>&1; then pass "$program runs (the S3 tests' gateway)"; else fail "$program does not run"; fi
  done
  if in_chroot sh -c "command -v radosgw-admin" >/dev/null; then pass "radosgw-admin installed"; else fail "radosgw-admin missing"; fi
  if in_chroot sh -c 'nginx -v' >/dev/null 2>&1; then pass "nginx runs"; else fail "nginx does not run"; fi
  if in_chroot /usr/bin/python3 -m aiosmtpd --version >/dev/null 2>&1; then pass "aiosmtpd runs (the email tests' SMTP server)"
  else fail "aiosmtpd does not run"; fi

  local again
  : >"$root$apt_log"
  again=$(in_chroot sh -c "cd $repo_copy && scripts/install-deps.sh" 2>&1) || fail "the second install-deps.sh failed: $again"
  if [ -z "$again" ] && [ ! -s "$root$apt_log" ]; then pass "a second run prints nothing and calls no apt"
  else fail "a second run printed '${again:0:300}' and called apt: $(tr '\n' ';' <"$root$apt_log")"; fi

  # --- the part of `make run` that needs the installed packages --------------------------------------------------
  local port
  port=$(free_port) || fatal "found no free loopback port for dev-db.sh"
  local db="ITQAN_PG_PORT=$port scripts/dev-db.sh"
  if in_chroot sh -c "cd $repo_copy && $db start"; then
    local version
    version=$(in_chroot /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$port" -U postgres -d itqan_recording -tAc \
      'SHOW server_version' 2>&1 || true)
    if [[ "$version" == 15.* ]]; then pass "dev-db.sh start serves PostgreSQL $version on port $port"
    else fail "dev-db.sh started, but the database does not answer (got: $version)"; fi
    if in_chroot sh -c "cd $repo_copy && $db stop" && ! in_chroot sh -c "cd $repo_copy && $db status" >/dev/null; then
      pass "dev-db.sh stop stops it"
    else
      fail "dev-db.sh stop did not stop it"
    fi
  else
    fail "dev-db.sh start failed"
  fi

  [ "$failures" -eq 0 ] || { say "$failures check(s) failed"; exit 1; }
}

# A loopback port nothing listens on.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}

if [ "${1:-}" = --inside ]; then
  inside "$2" "$3"
  exit 0
fi

# --- on the host ---------------------------------------------------------------------------------------------------
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$(cd "$2" && pwd); shift 2 ;;
    *) echo "usage: $0 [--repo DIR]" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" -eq 0 ] || not_run "needs root (mount namespaces, overlayfs, chroot)"
for program in unshare chroot mount timeout git tar apt-get dpkg-query; do
  command -v "$program" >/dev/null 2>&1 || not_run "needs $program"
done
[ -x "$repo/scripts/install-deps.sh" ] || { echo "fresh-machine: no scripts/install-deps.sh in $repo" >&2; exit 2; }

tmp=$(mktemp -d /tmp/itqan-fresh-machine.XXXXXX)
host_state() {
  sha256sum /var/lib/dpkg/status
  find /var/lib/apt/lists /var/cache/apt -printf '%p %s %T@\n' 2>/dev/null | sort | sha256sum
  for program in chromium ffmpeg curl; do command -v "$program" || true; done
}
before=$(host_state)
cleanup() {
  # The namespaces took their mounts and processes with them; a mount left here would be a bug of this script.
  if grep -q " $tmp" /proc/self/mountinfo; then say "FAIL: mounts left under $tmp"; exit 1; fi
  rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT

probe=$(unshare --mount --propagation private sh -c '
  mount -t tmpfs tmpfs "$1" && mkdir "$1/u" "$1/w" "$1/m" &&
  mount -t overlay overlay -o lowerdir=/,upperdir="$1/u",workdir="$1/w" "$1/m" && test -d "$1/m/usr/bin"' sh "$tmp" 2>&1) \
  || not_run "cannot mount an overlay over / here: ${probe:-unshare failed}"

say "testing the installer of $repo on a simulated fresh machine (time limit ${limit}s)"
say "covers: scripts/install-deps.sh with empty apt lists and none of its packages (apt-get update first; chromium,"
say "  ffmpeg/ffprobe, PostgreSQL 15, curl, an Arabic font installed and working; a second run is silent), then"
say "  scripts/dev-db.sh start/stop; the host's packages, lists and apt cache must stay as they were"
started=$SECONDS
status=0
timeout --kill-after=30 "$limit" unshare --mount --pid --ipc --fork --kill-child --propagation private --mount-proc \
  "$self" --inside "$tmp" "$repo" || status=$?
[ "$status" -ne 124 ] || say "FAIL: stopped after ${limit}s"

after=$(host_state)
if [ "$before" != "$after" ]; then
  say "FAIL: the host's dpkg status, package lists or apt cache changed during the test"
  diff <(echo "$before") <(echo "$after") || true
  status=1
else
  say "ok: the host's dpkg status, package lists and apt cache are unchanged"
fi
say "took $((SECONDS - started))s"
if [ "$status" -eq 0 ]; then say "passed"; else say "failed"; exit 1; fi
