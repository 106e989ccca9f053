#!/usr/bin/env bash
# Every check CI runs: lint, import contract, types, migrations, catalogs, then the suite
# on SQLite and PostgreSQL.
#   scripts/test.sh                  everything (`make test`)
#   scripts/test.sh --fast [ARGS]    ruff, then the suite on SQLite without the browser
#                                    tests (`make test-fast`); ARGS go to pytest
# TEST_DATABASES lists the databases to run on (default: "sqlite postgres").
# POSTGRES_TEST_URL names the PostgreSQL server (default: the local one, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=palabre.settings
export PALABRE_DATA_DIR=${PALABRE_TEST_DATA_DIR:-$PWD/var/test}
# Also what mypy's django-stubs plugin needs to load the settings.
export SECRET_KEY=${SECRET_KEY:-insecure-key-for-tests-only-0123456789abcdefghijklmnopqrstuvwxyz}
unset DATABASE_URL
TEST_DATABASES=${TEST_DATABASES:-sqlite postgres}
POSTGRES_TEST_URL=${POSTGRES_TEST_URL:-postgres://postgres@127.0.0.1:5432/palabre}
WORKERS=${PYTEST_WORKERS:-auto}

step() { printf '\n== %s\n' "$*"; }

step "lint (ruff)"
$BIN/ruff check .
$BIN/ruff format --check .

if [[ ${1:-} == --fast ]]; then
  shift
  step "tests on sqlite, without browser tests"
  exec $BIN/python -m pytest -n "$WORKERS" --dist loadgroup -q -m "not browser" "$@"
fi

step "import contract (lint-imports, see docs/architecture.md)"
$BIN/lint-imports --no-cache
$BIN/python scripts/structure.py --check

step "types (mypy)"
$BIN/mypy

step "migrations are up to date"
$BIN/palabre makemigrations --check --dry-run >/dev/null || {
  echo "Models changed without a migration: run palabre makemigrations"; exit 1; }

step "catalogs compile"
if command -v msgfmt >/dev/null; then
  for po in $(find palabre -path '*/locale/*/LC_MESSAGES/django.po'); do
    msgfmt --check-format -o /dev/null "$po"
  done
else
  echo "msgfmt not found (Debian package gettext): format checks skipped, completeness still tested"
fi

results=() failed=0
for db in $TEST_DATABASES; do
  case $db in
    sqlite) unset DATABASE_URL ;;
    postgres)
      if ! $BIN/python -c "import psycopg,sys; psycopg.connect(sys.argv[1].rsplit('/',1)[0] + '/postgres', connect_timeout=5).close()" "$POSTGRES_TEST_URL" 2>/dev/null; then
        echo "PostgreSQL is not reachable at $POSTGRES_TEST_URL."
        echo "Start it, set POSTGRES_TEST_URL, or run on SQLite only: TEST_DATABASES=sqlite make test"
        exit 1
      fi
      export DATABASE_URL=$POSTGRES_TEST_URL ;;
    *) echo "unknown database $db"; exit 2 ;;
  esac
  step "tests on $db"
  if $BIN/python -m pytest -n "$WORKERS" --dist loadgroup -q; then
    results+=("$db: passed")
  else
    results+=("$db: FAILED"); failed=1
  fi
done
# Lighthouse on the demo network served as in production, after the suites so that it has
# the machine to itself (performance moves with the load); each run is bounded in time.
step "Lighthouse: home, a practice, search; anonymous and member (scripts/browser-checks)"
if $BIN/python scripts/browser-checks/lighthouse.py; then
  results+=("lighthouse: passed")
else
  results+=("lighthouse: FAILED"); failed=1
fi
# Both databases run even when the first fails, and both results are said at the end.
step "results"
printf '%s\n' "${results[@]}"
exit $failed
