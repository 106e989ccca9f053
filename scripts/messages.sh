#!/usr/bin/env bash
# Extract, merge and compile the French and English catalogs.
# Each app keeps its own catalog in <app>/locale; palabre/locale holds the strings of
# core, lib, permissions and settings. English catalogs mirror the English source
# strings, so that both catalogs are complete.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
ADMIN=$(cd "$(dirname "$PY")" && pwd)/palabre
export DJANGO_SETTINGS_MODULE=palabre.settings PALABRE_DATA_DIR=${PALABRE_DATA_DIR:-$PWD/var}
all_apps=()
for config in palabre/*/apps.py; do
  app=$(basename "$(dirname "$config")")
  [ "$app" = core ] || all_apps+=("$app")
done
if (($#)); then wanted=("$@"); else wanted=(core "${all_apps[@]}"); fi
ignores=()
for app in "${all_apps[@]}"; do ignores+=(--ignore "$app/*"); done
apps=()
for app in "${wanted[@]}"; do
  if [ "$app" = core ]; then
    (cd palabre && mkdir -p locale && "$ADMIN" makemessages -l fr -l en --no-obsolete --no-location "${ignores[@]}" --ignore "tests/*" >/dev/null)
  else
    apps+=("$app")
  fi
done
for app in "${apps[@]}"; do
  (cd "palabre/$app" && mkdir -p locale && "$ADMIN" makemessages -l fr -l en --no-obsolete --no-location --ignore "tests/*" >/dev/null)
done
"$PY" scripts/mirror_english.py $(ls palabre/locale/en/LC_MESSAGES/django.po palabre/*/locale/en/LC_MESSAGES/django.po 2>/dev/null)
"$PY" scripts/compile_messages.py
