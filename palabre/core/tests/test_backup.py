"""`palabre backup` and `palabre restore` as an operator meets them: what the archive
holds, and every archive or installation that restore must refuse without writing
anything. The full round trip under load is in test_backup_drill.py."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from palabre.core import backup
from palabre.core.management.commands.restore import SEEDED_BY_MIGRATIONS

PHOTO = bytes(range(256)) * 40  # stored as it is (.jpg): its bytes sit plainly in the ZIP
NOTES = "Compte rendu de l’atelier de Bafut\n".encode() * 50


@pytest.fixture
def made(request, django_db_setup, django_db_blocker, settings, tmp_path):
    """An archive of the test database and two uploaded files; afterwards MEDIA_ROOT is
    an empty folder, as on a new machine, and the test runs in a transaction as usual.

    The archive is made before that transaction starts: SQLite's backup API waits while
    a connection holds a write transaction, and the test's own would be one."""
    source = tmp_path / "media-source"
    (source / "practices" / "3").mkdir(parents=True)
    (source / "practices" / "3" / "photo.jpg").write_bytes(PHOTO)
    (source / "workshops" / "7").mkdir(parents=True)
    (source / "workshops" / "7" / "notes.txt").write_bytes(NOTES)
    settings.MEDIA_ROOT = source
    settings.DATA_DIR = tmp_path / "data"
    with django_db_blocker.unblock():
        result = backup.backup_create(output=str(tmp_path / "out" / "palabre.zip"))
    request.getfixturevalue("db")
    settings.MEDIA_ROOT = tmp_path / "data" / "media"
    return result


def restore(path, **options):
    call_command("restore", str(path), yes=True, verbosity=0, **options)


def rewrite(path: Path, target: Path, *, manifest=None, member=None, content=None) -> Path:
    """A copy of the archive, well-formed as a ZIP, with a changed manifest or member."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == backup.MANIFEST and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            if info.filename == member:
                data = content
            copy.writestr(info, data)
    return target


def nothing_was_written(settings):
    from palabre.accounts.models import User

    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(media.iterdir())
    assert not list(media.parent.glob(".palabre-restore-*"))
    assert not User.objects.exists()


def test_the_archive_holds_the_database_the_files_and_a_manifest(made):
    with zipfile.ZipFile(made.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = sorted(archive.namelist())
        stored = {name: archive.read(name) for name in names}

    database = backup.DATABASE_MEMBERS[connection.vendor]
    assert names == sorted(
        [
            "manifest.json",
            database,
            "media/practices/3/photo.jpg",
            "media/workshops/7/notes.txt",
        ]
    )
    assert manifest["format"] == "palabre-backup"
    assert manifest["palabre_version"] == backup.palabre_version() != "unknown"
    assert manifest["django_version"].startswith("5.2")
    assert manifest["database"]["engine"] == connection.vendor
    assert manifest["database"]["server_version"] == backup.server_version(connection)
    assert "0001_initial" in manifest["migrations"]["practices"]
    assert manifest["created_at"]
    for entry in manifest["files"]:
        assert entry["size"] == len(stored[entry["name"]])
        assert entry["sha256"] == hashlib.sha256(stored[entry["name"]]).hexdigest()
    # Written under a temporary name then renamed: nothing else is left beside it.
    assert [p.name for p in made.path.parent.iterdir()] == ["palabre.zip"]
    assert made.files == 2


def test_photos_are_stored_as_they_are_and_text_compressed(made):
    with zipfile.ZipFile(made.path) as archive:
        assert archive.getinfo("media/practices/3/photo.jpg").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("media/workshops/7/notes.txt").compress_type == zipfile.ZIP_DEFLATED


def test_a_folder_as_output_gets_a_dated_name(
    django_db_setup, django_db_blocker, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    with django_db_blocker.unblock():
        call_command("backup", output=str(tmp_path / "backups"), verbosity=0)

    (made,) = (tmp_path / "backups").iterdir()
    assert backup.ARCHIVE_NAME.match(made.name)


def test_restore_refuses_a_truncated_archive(made, settings, tmp_path):
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(made.path.read_bytes()[: made.size // 2])

    with pytest.raises(CommandError, match="damaged or incomplete"):
        restore(truncated)
    nothing_was_written(settings)


def test_restore_refuses_a_member_changed_after_the_backup(made, settings, tmp_path):
    tampered = rewrite(
        made.path,
        tmp_path / "tampered.zip",
        member="media/workshops/7/notes.txt",
        content=NOTES.replace(b"Bafut", b"Bafou"),
    )

    with pytest.raises(CommandError) as refused:
        restore(tampered)
    assert "media/workshops/7/notes.txt does not match the manifest's checksum" in str(
        refused.value
    )
    assert "Nothing was changed" in str(refused.value)
    nothing_was_written(settings)


def test_restore_refuses_a_damaged_byte(made, settings, tmp_path):
    data = bytearray(made.path.read_bytes())
    data[data.index(PHOTO[:512]) + 100] ^= 0xFF  # inside the stored photo
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))

    with pytest.raises(CommandError, match="damaged or incomplete"):
        restore(damaged)
    nothing_was_written(settings)


def test_restore_refuses_what_is_not_a_palabre_backup(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("IMG_0001.jpg", PHOTO)
    text = tmp_path / "notes.zip"
    text.write_text("pas une archive")

    for foreign in (other, text):
        with pytest.raises(CommandError, match="is not a Palabre backup"):
            restore(foreign)
    nothing_was_written(settings)


def test_restore_refuses_a_member_the_manifest_does_not_list(made, settings, tmp_path):
    with zipfile.ZipFile(made.path, "a") as archive:
        archive.writestr("media/extra.txt", "glissé dans l'archive")

    with pytest.raises(CommandError, match=r"damaged or incomplete.*media/extra\.txt"):
        restore(made.path)
    nothing_was_written(settings)


def test_restore_refuses_an_archive_of_a_newer_palabre(made, settings, tmp_path):
    def from_the_future(manifest):
        manifest["migrations"]["practices"].append("9999_from_the_future")
        return manifest

    newer = rewrite(made.path, tmp_path / "newer.zip", manifest=from_the_future)

    with pytest.raises(CommandError) as refused:
        restore(newer)
    assert "newer Palabre" in str(refused.value)
    assert "practices.9999_from_the_future" in str(refused.value)
    nothing_was_written(settings)


def test_restore_refuses_an_archive_of_the_other_database_engine(made, settings, tmp_path):
    here = backup.DATABASE_MEMBERS[connection.vendor]
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    moved = tmp_path / "other.zip"
    with zipfile.ZipFile(made.path) as source, zipfile.ZipFile(moved, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == backup.MANIFEST:
                manifest = json.loads(data)
                manifest["database"]["engine"] = other
                manifest["files"][0]["name"] = backup.DATABASE_MEMBERS[other]
                data = json.dumps(manifest).encode()
            archive.writestr(backup.DATABASE_MEMBERS[other] if name == here else name, data)

    with pytest.raises(CommandError) as refused:
        restore(moved)
    assert f"holds a {other} database" in str(refused.value)
    assert f"configured for {connection.vendor}" in str(refused.value)
    nothing_was_written(settings)


def test_restore_refuses_an_installation_that_holds_data(made, author, settings):
    with pytest.raises(CommandError) as refused:
        restore(made.path)
    message = str(refused.value)
    assert "already holds data" in message
    assert "accounts_user" in message
    assert "To start from empty" in message
    assert not any(Path(settings.MEDIA_ROOT).glob("*"))


def test_restore_refuses_when_uploaded_files_are_already_there(made, settings):
    media = Path(settings.MEDIA_ROOT)
    (media / "practices").mkdir(parents=True)
    (media / "practices" / "left.pdf").write_bytes(b"%PDF")

    with pytest.raises(CommandError, match=r"already holds data \(.*media"):
        restore(made.path)
    assert [p.name for p in (media / "practices").iterdir()] == ["left.pdf"]


def test_a_migrated_but_unused_installation_counts_as_empty(db, org_a):
    seeded = [model._meta.db_table for model in SEEDED_BY_MIGRATIONS]
    from palabre.themes.models import Theme

    assert Theme.objects.exists()  # what the seeding migration wrote
    assert backup.tables_holding_data(connection, ignore=seeded) == ["organisations_organisation"]


def test_restore_asks_for_yes_without_a_terminal(made, settings, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(made.path), verbosity=0)
    nothing_was_written(settings)


def test_a_refused_restore_exits_with_an_error_code(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = subprocess.run(
        [sys.executable, "-m", "palabre", "restore", str(bad), "--yes"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PALABRE_DATA_DIR": str(tmp_path / "data"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        },
        timeout=120,
    )
    assert result.returncode == 1
    assert "est abîmée ou incomplète" in result.stderr
    assert "is damaged or incomplete" in result.stderr
    assert not (tmp_path / "data" / "media").exists()


def test_a_database_locked_too_long_stops_the_backup(tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "BUSY_TIMEOUT", 0.3)
    live = sqlite3.connect(tmp_path / "live.sqlite3", isolation_level=None)
    live.execute("CREATE TABLE django_migrations (app, name)")
    live.execute("BEGIN IMMEDIATE")  # a writer that never commits
    live.execute("INSERT INTO django_migrations VALUES ('core', '0001_initial')")

    with pytest.raises(CommandError, match=r"stayed locked for more than 0\.3 s"):
        backup._snapshot_sqlite(live, tmp_path / "copy.sqlite3")
    live.rollback()
    assert backup._snapshot_sqlite(live, tmp_path / "copy.sqlite3") == {}


@pytest.fixture
def fake_tool(tmp_path, monkeypatch):
    """PATH holding only a `pg_dump` that says it is version 13."""
    folder = tmp_path / "bin"
    folder.mkdir()
    tool = folder / "pg_dump"
    tool.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 13.16'\n")
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(folder))
    return tool


def test_a_pg_dump_older_than_the_server_is_refused(fake_tool, tmp_path):
    with pytest.raises(CommandError) as refused:
        backup._dump_postgresql(connection, tmp_path / "dump", "98.2")
    assert "pg_dump 13.16 cannot dump a PostgreSQL 98.2 server" in str(refused.value)
    assert "postgresql-client-98" in str(refused.value)


def test_a_missing_pg_dump_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump was not found: install PostgreSQL 97"):
        backup.pg_tool("pg_dump", 97)


def test_retention_keeps_the_newest_of_each_day_week_and_month():
    import datetime as dt

    start = dt.datetime(2024, 1, 1, 2, 0)
    names = [
        f"palabre-backup-{start + dt.timedelta(days=d, hours=h):%Y%m%d-%H%M%S}.zip"
        for d in range(400)
        for h in (0, 12)
    ] + ["notes.zip", "palabre-backup-latest.zip"]

    pruned = set(backup.backups_to_prune(names, daily=7, weekly=5, monthly=12))
    kept = sorted(n[15:30] for n in set(names) - pruned if backup.ARCHIVE_NAME.match(n))

    assert {"notes.zip", "palabre-backup-latest.zip"}.isdisjoint(pruned)  # not ours
    # The last 7 days (28 January to 3 February 2025), the newest of each day.
    days = [f"202501{d}-140000" for d in range(28, 32)] + [f"2025020{d}-140000" for d in (1, 2, 3)]
    # The last archive of the 4 weeks before (one, 2 February, is a Sunday already kept).
    weeks = ["20250112-140000", "20250119-140000", "20250126-140000"]
    # The last of each of the 11 months before (January 2025's, the 31st, already kept).
    months = [
        "20240331-140000", "20240430-140000", "20240531-140000", "20240630-140000",
        "20240731-140000", "20240831-140000", "20240930-140000", "20241031-140000",
        "20241130-140000", "20241231-140000",
    ]  # fmt: skip
    assert kept == sorted(days + weeks + months)


def test_pruning_never_deletes_the_only_archive():
    only = ["palabre-backup-20240101-020000.zip"]
    assert backup.backups_to_prune(only, daily=0, weekly=0, monthly=0) == []
