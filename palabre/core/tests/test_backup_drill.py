"""The restore drill of docs/operations.md, on the configured database engine: the demo
network (with its uploaded files) is backed up while someone keeps writing, restored into
a new installation, and compared table by table, export by export, file by file.

Everything runs as an operator would run it, through the `palabre` command in separate
processes, on databases of its own (a folder for SQLite; two PostgreSQL databases named
after the configured one, dropped at the end)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
DRILL_TABLE = "drill_writes"
# Where an installation keeps its data: each site of the drill sets its own.
LOCAL = ("DATABASE_URL", "MEDIA_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE")


def palabre(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "palabre", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, f"palabre {args[0]}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class SQLiteSite:
    """An installation in its own folder, its database in var/palabre.sqlite3."""

    insert = "INSERT INTO drill_writes (n, at) VALUES (?, ?)"

    def __init__(self, folder: Path):
        self.folder = folder
        self.database = folder / "palabre.sqlite3"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in LOCAL},
            "PALABRE_DATA_DIR": str(folder),
        }

    def connect(self):
        return sqlite3.connect(self.database, timeout=20, isolation_level=None)

    def clone_to(self, other: SQLiteSite) -> None:
        other.folder.mkdir(parents=True)
        shutil.copyfile(self.database, other.database)

    def tables(self, db) -> list[str]:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return sorted(name for (name,) in rows)

    def drop(self) -> None:
        pass


class PostgresSite:
    """An installation on a database of its own on the configured PostgreSQL server."""

    insert = "INSERT INTO drill_writes (n, at) VALUES (%s, %s)"

    def __init__(self, folder: Path, name: str):
        import psycopg

        self.folder = folder
        self.name = name
        settings_dict = connection.settings_dict
        self.server = {
            "host": settings_dict["HOST"] or "localhost",
            "port": settings_dict["PORT"] or 5432,
            "user": settings_dict["USER"],
            "password": settings_dict["PASSWORD"] or None,
        }
        credentials = quote(self.server["user"] or "")
        if settings_dict["PASSWORD"]:
            credentials += ":" + quote(settings_dict["PASSWORD"])
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in LOCAL},
            "PALABRE_DATA_DIR": str(folder),
            "DATABASE_URL": f"postgres://{credentials}@{self.server['host']}:{self.server['port']}/{name}",
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')

    def connect(self):
        import psycopg

        return psycopg.connect(dbname=self.name, autocommit=True, **self.server)

    def clone_to(self, other: PostgresSite) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
            admin.execute(f'DROP DATABASE "{other.name}"')
            admin.execute(f'CREATE DATABASE "{other.name}" TEMPLATE "{self.name}"')

    def tables(self, db) -> list[str]:
        rows = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return sorted(name for (name,) in rows.fetchall())

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def contents(site) -> dict[str, list[str]]:
    """Every table's rows, in a stable order (the drill's own table left out)."""
    db = site.connect()
    try:
        found = {}
        for table in site.tables(db):
            if table != DRILL_TABLE:
                rows = db.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
                found[table] = sorted(repr(tuple(row)) for row in rows)
        return found
    finally:
        db.close()


def files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class Writer(threading.Thread):
    """Someone using the site during the backup: one committed row after another."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.site = site
        self.written = 0
        self.errors: list[Exception] = []
        self.stopping = threading.Event()

    def run(self):
        db = self.site.connect()
        try:
            while not self.stopping.is_set():
                try:
                    db.execute(self.site.insert, (self.written + 1, time.time()))
                except Exception as error:
                    self.errors.append(error)
                    return
                self.written += 1
                time.sleep(0.005)
        finally:
            db.close()


@pytest.fixture
def sites(tmp_path):
    if connection.vendor == "sqlite":
        made = (SQLiteSite(tmp_path / "source"), SQLiteSite(tmp_path / "restored"))
    else:
        base = connection.settings_dict["NAME"]
        made = (
            PostgresSite(tmp_path / "source", f"{base}_drill_src"),
            PostgresSite(tmp_path / "restored", f"{base}_drill_dst"),
        )
    yield made
    for site in made:
        site.drop()


def test_restore_drill(sites, tmp_path):
    source, restored = sites
    timings = {}
    started = time.monotonic()

    palabre(source.env, "migrate", "--verbosity", "0")
    # The new machine: Palabre installed and started once (migrated), never used.
    source.clone_to(restored)
    palabre(
        source.env,
        "shell",
        "-c",
        "from django.core.management import call_command; "
        "call_command('demo', verbosity=0); "
        f"call_command('export-practices', {str(tmp_path / 'before.jsonl')!r}, verbosity=0)",
    )
    timings["world"] = time.monotonic() - started

    db = source.connect()
    db.execute("CREATE TABLE drill_writes (n INTEGER PRIMARY KEY, at REAL NOT NULL)")
    db.close()
    writer = Writer(source)
    writer.start()
    while writer.written < 20 and not writer.errors:
        time.sleep(0.01)
    before = writer.written
    clock = time.monotonic()
    out = palabre(source.env, "backup", "--output", str(tmp_path / "backups"))
    timings["backup"] = time.monotonic() - clock
    after = writer.written
    writer.stopping.set()
    writer.join()

    assert writer.errors == []  # the backup never locked the writer out
    assert after > before  # …who went on writing during the backup
    assert "Backup written:" in out
    (archive,) = (tmp_path / "backups").iterdir()

    clock = time.monotonic()
    out = palabre(restored.env, "restore", str(archive), "--yes")
    timings["restore"] = time.monotonic() - clock
    assert "Restore complete" in out
    palabre(restored.env, "export-practices", str(tmp_path / "after.jsonl"))

    # The practices' export, every table and every uploaded file are as they were.
    exported = (tmp_path / "before.jsonl").read_text()
    assert exported.count("\n") >= 10
    assert (tmp_path / "after.jsonl").read_text() == exported
    was, now = contents(source), contents(restored)
    assert sorted(now) == sorted(was)
    assert [t for t in was if was[t] != now[t]] == []
    assert len(was["accounts_user"]) >= 10
    media = files(source.folder / "media")
    assert len(media) >= 10
    assert files(restored.folder / "media") == media

    # The copy is the database at one instant: the first k rows written, k taken
    # between the start and the end of the backup.
    db = restored.connect()
    kept = [n for (n,) in db.execute("SELECT n FROM drill_writes ORDER BY n").fetchall()]
    db.close()
    assert before <= len(kept) <= after
    assert kept == list(range(1, len(kept) + 1))

    timings["total"] = time.monotonic() - started
    print(
        f"\nrestore drill on {connection.vendor}: "
        + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items())
        + f"; archive {archive.stat().st_size // 1024} KB, {len(media)} files, "
        f"{after - before} rows written during the backup"
    )
