#!/usr/bin/env bash
# What the tests need beyond Python, installed from Debian when missing: Chromium (browser
# tests), gettext (catalog checks), DejaVu fonts (PDFs); and PostgreSQL started when it is
# installed but not running. `make test` runs this first, so the README's one command is
# enough on a fresh Debian machine (as root, or with sudo).
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null; then
    echo "Installing from Debian: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (no apt-get here)"
  fi
fi

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
fi

# axe-core and Lighthouse (the accessibility and Lighthouse checks), pinned by
# scripts/browser-checks/package-lock.json, installed outside the repository and again only
# when the lock changes. The tests find them in the same folder (PALABRE_NODE_DIR).
CHECKS="$(cd "$(dirname "$0")/browser-checks" && pwd)"
NODE_DIR=${PALABRE_NODE_DIR:-${XDG_CACHE_HOME:-$(echo ~)/.cache}/palabre-browser-checks}
if ! cmp -s "$CHECKS/package-lock.json" "$NODE_DIR/installed-lock.json"; then
  echo "Installing axe-core and Lighthouse from npm into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  rm -f "$NODE_DIR/installed-lock.json"
  cp "$CHECKS/package.json" "$CHECKS/package-lock.json" "$NODE_DIR/"
  (cd "$NODE_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$CHECKS/package-lock.json" "$NODE_DIR/installed-lock.json"
fi
