# Sourced by the install scripts: running as root (or through sudo) and installing Debian packages.
# The sourcing script defines say() for its messages.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "need root (or sudo) to run: $*" >&2
    exit 1
  fi
}

apt_lists_refreshed=false

# apt_refresh: downloads the package lists, once per run. A fresh machine has none (or old ones), and apt-cache then
# finds nothing, so every look-up and install must come after this.
apt_refresh() {
  command -v apt-get >/dev/null 2>&1 || { say "no apt-get on this machine" >&2; exit 1; }
  $apt_lists_refreshed && return 0
  as_root apt-get update -qq
  apt_lists_refreshed=true
}

# apt_has_candidate PACKAGE: whether the (refreshed) package lists offer PACKAGE for installation.
apt_has_candidate() {
  apt_refresh
  local candidate
  candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# apt_install PACKAGE... : refreshes the package lists (once) and installs the packages quietly.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { say "please install: $* (no apt-get on this machine)" >&2; exit 1; }
  apt_refresh
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
