#!/usr/bin/env bash
# Collect the tr() strings of the Qt front end into the Qt Linguist files and compile them:
#   bash packaging/update_translations.sh          update every resources/translations/*.ts
#   bash packaging/update_translations.sh de       also start a German file (ruth_annotator_de.ts)
# Translators edit the .ts files with Qt Linguist (pyside6-linguist); this script turns them
# into the .qm files the app loads at start-up (ruth_annotator/gui/i18n.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:-.venv/bin}"
DIR=resources/translations
mkdir -p "$DIR"
[ -n "${1:-}" ] && touch "$DIR/ruth_annotator_$1.ts"
[ -e "$DIR/ruth_annotator_en.ts" ] || touch "$DIR/ruth_annotator_en.ts"
mapfile -t sources < <(find ruth_annotator/gui -name '*.py' | sort)
for ts in "$DIR"/ruth_annotator_*.ts; do
  [ -s "$ts" ] || rm -f "$ts"   # lupdate starts new files itself
  "$BIN/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" -ts "$ts"
  "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
