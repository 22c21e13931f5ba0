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

# apt_install PACKAGE... : refreshes the package lists once and installs the packages quietly.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { say "please install: $* (no apt-get on this machine)" >&2; exit 1; }
  say "installing $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
