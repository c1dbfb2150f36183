# Sourced by bootstrap.sh: apt-get that waits, visibly, while another package manager holds
# the dpkg lock (unattended upgrades do on a fresh machine's first start) instead of
# failing at once with apt's raw "Could not get lock" error.
#   apt_get ARGS...   apt-get as root (through sudo when needed), after waiting for the lock
# DPKG_LOCK (the lock file) and DPKG_WAIT_S (how long to wait, 900 s) may be set.

DPKG_LOCK="${DPKG_LOCK:-/var/lib/dpkg/lock-frontend}"
DPKG_WAIT_S="${DPKG_WAIT_S:-900}"
if [ -z "${SUDO+set}" ]; then SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; fi

# dpkg takes an fcntl lock (not flock), which Python's lockf can test; the file is root's.
dpkg_busy() {
  [ -e "$DPKG_LOCK" ] || return 1
  $SUDO "${PY:-python3}" - "$DPKG_LOCK" <<'PYEOF'
import fcntl, sys
try:
    f = open(sys.argv[1], "a")
    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    sys.exit(0)  # busy
except OSError:
    sys.exit(1)  # cannot tell: let apt-get wait on it itself
sys.exit(1)
PYEOF
}

# Messages go to stderr: the callers send apt-get's own output to /dev/null.
wait_for_dpkg() {
  local waited=0
  if dpkg_busy; then
    echo "Another package manager is running (it holds $DPKG_LOCK; on a new machine" \
         "this is usually the automatic updates). Waiting for it to finish..." >&2
    while dpkg_busy; do
      if [ "$waited" -ge "$DPKG_WAIT_S" ]; then
        echo "Still busy after ${DPKG_WAIT_S} s; run this again when it has finished." >&2
        return 1
      fi
      sleep 1; waited=$((waited + 1))
      if [ $((waited % 30)) -eq 0 ]; then echo "  still waiting (${waited} s)..." >&2; fi
    done
    echo "The other package manager has finished; going on." >&2
  fi
  return 0
}

apt_get() {
  wait_for_dpkg
  # The timeout also covers one taking the lock between our check and apt-get's.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout="$DPKG_WAIT_S" "$@"
}
