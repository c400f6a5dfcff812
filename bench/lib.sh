# bench/lib.sh — what the bench scripts share (sourced, not run).
#   need CMD              whether CMD is on the PATH
#   install_peers C:P …   the Debian package P for each command C missing
#                         (a path for C is tested with -x), installed with
#                         apt-get when run as root, else named on stderr
#                         so the rows that need it are skipped
need() { command -v "$1" >/dev/null 2>&1; }

install_peers() {
  missing=""
  for cp in "$@"; do
    c=${cp%%:*} p=${cp#*:}
    case $c in
      /*) [ -x "$c" ] || missing="$missing $p" ;;
      *) need "$c" || missing="$missing $p" ;;
    esac
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "bench: installing$missing (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 ||
      echo "bench: could not install$missing; those rows are skipped" >&2
  else
    echo "bench: missing$missing (run: apt-get install$missing); those rows are skipped" >&2
  fi
}
