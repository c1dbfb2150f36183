#!/usr/bin/env bash
# Build the one-folder app with PyInstaller: dist/ruth-annotator/ruth-annotator
#   bash packaging/build.sh            build (installs PyInstaller into .venv if missing)
#   bash packaging/build.sh --smoke    build, then start it headless: --version and a window
# Same recipe on Windows and macOS (see packaging/README.md); run it on the target system.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
DIST="${RUTH_BUNDLE_DIST:-dist}"
WORK="${RUTH_BUNDLE_WORK:-build/pyinstaller}"

"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install -q ".[bundle]"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/ruth-annotator.spec
APP="$DIST/ruth-annotator/ruth-annotator"
echo "Built $APP ($(du -sh "$DIST/ruth-annotator" | cut -f1))"

if [ "${1:-}" = "--smoke" ]; then
  export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
  export RUTH_ANNOTATOR_HOME="${RUTH_ANNOTATOR_HOME:-$(mktemp -d)}"
  "$APP" --version
  # Opens the window on a new project (the sample article), quits after the first paint.
  RUTH_ANNOTATOR_EXIT_AFTER_PAINT=1 "$APP" gui "$RUTH_ANNOTATOR_HOME/smoke.ruth"
fi
