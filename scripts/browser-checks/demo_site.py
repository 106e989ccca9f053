"""Palabre served as in production (gunicorn, collected and compressed static files) on the
demo network, on this machine only: what Lighthouse measures and scripts/screenshots.py
photographs. Its data folder is kept, so a second run starts in seconds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("PALABRE_CHROMIUM", "/usr/bin/chromium")

# Logins of the demo network (palabre/organisations/demo.py).
MEMBER = "awa.bello@fal.example"
FACILITATOR = "animatrice@palabre.example"


def node_dir() -> Path:
    """Where scripts/test-deps.sh installs the npm packages of scripts/browser-checks/."""
    if folder := os.environ.get("PALABRE_NODE_DIR"):
        return Path(folder)
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "palabre-browser-checks"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "palabre.settings",
        "PALABRE_DATA_DIR": str(data_dir),
        # Facilitators' pages are photographed without a second login step.
        "MFA_REQUIRED_FOR_POWER": "false",
    }
    env.setdefault("SECRET_KEY", "insecure-key-for-browser-checks-only-0123456789abcdefghijklmnop")
    env.pop("DATABASE_URL", None)  # SQLite, in data_dir
    env.pop("SITE_URL", None)
    return env


@contextmanager
def demo_site(data_dir: Path, *, startup_timeout: float = 300) -> Iterator[str]:
    """Serve the demo network; yields its address. Stops the server on the way out."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    env = _environment(data_dir)
    log_path = data_dir / "server.log"
    with log_path.open("w") as log:
        command = [str(BIN / "palabre"), "run", "--demo", "--no-worker", "--workers", "2"]
        server = subprocess.Popen(  # noqa: S603 - our own command line
            [*command, "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    address = f"http://127.0.0.1:{port}"
    # Stopped from outside (a CI time limit, kill): still stop the server on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the server stopped:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{address}/login/", timeout=5):  # noqa: S310
                    break
            except urllib.error.HTTPError as error:  # it answers: up, but not well
                raise RuntimeError(f"{address}/login/ answered {error.code}") from error
            except OSError as error:
                if time.monotonic() > deadline:
                    message = f"no answer after {startup_timeout} s, see {log_path}"
                    raise RuntimeError(message) from error
                time.sleep(0.5)
        # This process reads the same database (sessions, the pages to visit).
        os.environ.pop("DATABASE_URL", None)
        os.environ.update(env)
        yield address
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def session_cookie(email: str) -> tuple[str, str]:
    """(name, value) of a fresh logged-in session for ``email`` on the running demo site."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings
    from django.test import Client

    from palabre.accounts.models import User

    client = Client()
    client.force_login(
        User.objects.get(email=email), backend="palabre.accounts.backends.EmailBackend"
    )
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value
