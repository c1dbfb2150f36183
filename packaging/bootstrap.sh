#!/usr/bin/env bash
# Set up Ruth Annotator on a fresh Debian/Ubuntu machine that has only Python 3.11+, then
#   bash packaging/bootstrap.sh app    install and open the app on the sample project
#   bash packaging/bootstrap.sh test   install the test tools and run the whole test suite
# It installs the system libraries Qt needs (apt, as root or through sudo), creates .venv
# beside this checkout and installs the project into it. Running it again is quick.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"; shift || true
PY="${PYTHON:-python3}"
. packaging/apt_wait.sh

# Libraries the Qt wheels load (xcb for a real window, EGL/GL, fonts, keyboard maps), plus
# Xvfb and a colour emoji font so headless tests and screenshots draw like a desktop.
QT_DEBS="libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1
 libx11-xcb1 libxrender1 libxi6 libsm6 libice6 fonts-dejavu-core fonts-noto-color-emoji"
# Tests also validate the desktop files (.desktop, AppStream metainfo, the .ruth MIME type).
[ "$mode" = test ] && QT_DEBS="$QT_DEBS xvfb xauth desktop-file-utils appstream shared-mime-info"

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $QT_DEBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system libraries for Qt: ${missing[*]}"
  apt_get update -qq
  apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Ruth Annotator needs Python 3.11 or newer; $PY is $("$PY" -V 2>&1)"; exit 1; }
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv >/dev/null 2>&1; then
    # Debian splits venv/ensurepip into its own package.
    rm -rf .venv
    apt_get update -qq
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_get install -y -qq "python$ver-venv" >/dev/null \
      || apt_get install -y -qq python3-venv >/dev/null
    "$PY" -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# The big download (PySide6 is about 300 MB): pip's own progress bars, not -q.
echo "Installing Ruth Annotator and its libraries into .venv (PySide6 is a large download)..."
if [ "$mode" = test ]; then
  .venv/bin/python -m pip install --progress-bar on -e ".[test]"
  export QT_QPA_PLATFORM=offscreen
  .venv/bin/ruff check .
  .venv/bin/lint-imports
  exec .venv/bin/python -m pytest "$@"
else
  .venv/bin/python -m pip install --progress-bar on -e .
  exec .venv/bin/ruth-annotator "$@"
fi
