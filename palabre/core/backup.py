"""One archive holding a whole installation, and its restore into an empty one.

The archive is a ZIP file: a consistent copy of the database (SQLite's online backup API,
or `pg_dump` in its custom format), the uploaded files under MEDIA_ROOT, and
`manifest.json` (versions, applied migrations, each member's size and SHA-256), written
last and read first. `palabre backup` and `palabre restore` call this module; it knows
no app of Palabre's (the commands pass what it needs). Messages are for the operator, in
French and English like `palabre run`'s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

import django
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "palabre-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database/palabre.sqlite3", "postgresql": "database/palabre.pgdump"}
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024
BUSY_TIMEOUT = 60  # seconds
# What `palabre backup` names its archives, and the only files pruning may delete.
ARCHIVE_NAME = re.compile(r"^palabre-backup-(\d{8})-(\d{6})\.zip$")
# Already compressed: stored as they are, which spares the CPU of a small server.
STORED_SUFFIXES = {
    ".7z", ".avif", ".docx", ".gif", ".gz", ".heic", ".jpeg", ".jpg", ".m4a", ".mp3",
    ".mp4", ".odp", ".ods", ".odt", ".ogg", ".opus", ".pdf", ".png", ".pptx", ".webm",
    ".webp", ".xlsx", ".xz", ".zip",
}  # fmt: skip
# Tables that say nothing about whether an installation is in use: what migrate fills by
# itself, and sessions (a visit to the sign-in page of a new installation).
BOOKKEEPING_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "django_session",
}

Progress = Callable[[str], None]


class BackupError(CommandError):
    """A refusal or a failure, explained to the operator (French, then English)."""


def bilingual(french: str, english: str) -> str:
    return f"{french}\n{english}"


def human_size(size: int) -> str:
    """'3,4 Mo / 3.4 MB'."""
    units = (("o", "B"), ("Ko", "KB"), ("Mo", "MB"), ("Go", "GB"))
    value, step = float(size), 0
    while value >= 1024 and step < len(units) - 1:
        value, step = value / 1024, step + 1
    number = f"{value:.0f}" if step == 0 else f"{value:.1f}"
    return f"{number.replace('.', ',')} {units[step][0]} / {number} {units[step][1]}"


def _quiet(message: str) -> None:
    pass


# ---------------------------------------------------------------------------------------
# What is in the installation


def engine_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(
            bilingual(
                f"Sauvegarde impossible : base de données « {connection.vendor} » non prise en charge (SQLite ou PostgreSQL seulement).",
                f"Cannot back up a {connection.vendor!r} database: only SQLite and PostgreSQL are supported.",
            )
        )
    return connection.vendor


def server_version(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    connection.ensure_connection()
    number = connection.pg_version  # type: ignore[attr-defined]
    return f"{number // 10000}.{number % 10000}"


def server_major(version: str) -> int:
    return int(version.split(".")[0])


def palabre_version() -> str:
    try:
        return metadata.version("palabre")
    except metadata.PackageNotFoundError:
        return "unknown"


def media_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every regular file under ``root`` (symbolic links left out), in a stable order."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def tables_holding_data(
    connection: BaseDatabaseWrapper, *, ignore: Iterable[str] = ()
) -> list[str]:
    """The tables that hold rows, leaving out those migrate fills by itself (Django's
    bookkeeping, and the reference data of seeding migrations passed in ``ignore``) and
    SQLite's full-text tables, which only mirror other tables."""
    skipped = BOOKKEEPING_TABLES | set(ignore)
    with connection.cursor() as cursor:
        names = [info.name for info in connection.introspection.get_table_list(cursor)]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = [row[0] for row in cursor.fetchall()]
            names = [
                n
                for n in names
                if not n.startswith("sqlite_")
                and not any(n == v or n.startswith(f"{v}_") for v in virtual)
            ]
        holding = []
        for name in sorted(set(names) - skipped):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(name)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                holding.append(name)
    return holding


def start_from_empty_advice(connection: BaseDatabaseWrapper) -> str:
    media = settings.MEDIA_ROOT
    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        return bilingual(
            f"Pour repartir de zéro : arrêtez Palabre, déplacez ailleurs {name} (avec ses fichiers -wal et -shm) et le contenu de {media}, puis relancez la restauration.",
            f"To start from empty: stop Palabre, move {name} (with its -wal and -shm files) and the contents of {media} elsewhere, then run restore again.",
        )
    return bilingual(
        f"Pour repartir de zéro : créez une base vide (createdb -O PROPRIÉTAIRE NOUVEAU_NOM), faites pointer DATABASE_URL vers elle, videz {media}, puis relancez la restauration.",
        f"To start from empty: create an empty database (createdb -O OWNER NEW_NAME), point DATABASE_URL at it, empty {media}, then run restore again.",
    )


# ---------------------------------------------------------------------------------------
# PostgreSQL's tools


@dataclass
class PgTool:
    path: str
    major: int
    version: str


def pg_tool(name: str, wanted_major: int) -> PgTool:
    """``pg_dump`` or ``pg_restore``: Debian's copy for the server's major version when it
    is installed (several can be), else the one on PATH."""
    candidates = [f"/usr/lib/postgresql/{wanted_major}/bin/{name}", shutil.which(name)]
    path = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
    if path is None:
        raise BackupError(
            bilingual(
                f"{name} est introuvable : installez les outils clients de PostgreSQL {wanted_major} (Debian : apt install postgresql-client-{wanted_major}).",
                f"{name} was not found: install PostgreSQL {wanted_major}'s client tools (Debian: apt install postgresql-client-{wanted_major}).",
            )
        )
    result = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)  # noqa: S603
    found = re.search(r"(\d+)(?:\.\d+)+|\b(\d+)\b", result.stdout)
    if result.returncode or not found:
        raise BackupError(
            bilingual(
                f"{path} ne donne pas sa version : {result.stdout}{result.stderr}",
                f"{path} does not tell its version: {result.stdout}{result.stderr}",
            )
        )
    version = found.group(0)
    return PgTool(path=path, major=int(version.split(".")[0]), version=version)


def pg_connection_args(connection: BaseDatabaseWrapper) -> tuple[list[str], dict[str, str]]:
    """The options naming the server and the role, and the environment (password, SSL)
    for PostgreSQL's tools, taken from Django's settings as `palabre dbshell` does."""
    from django.db.backends.postgresql.client import DatabaseClient

    settings_dict = connection.settings_dict
    _, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    args = []
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    return [*args, "--no-password"], {**os.environ, **(env or {})}


def _run_pg(tool: PgTool, args: list[str], env: dict[str, str], what: str) -> str:
    result = subprocess.run([tool.path, *args], capture_output=True, text=True, env=env)  # noqa: S603
    if result.returncode:
        raise BackupError(
            bilingual(
                f"{what} a échoué ({tool.path}, code {result.returncode}) :",
                f"{what} failed ({tool.path}, exit code {result.returncode}):",
            )
            + "\n"
            + result.stderr.strip()[-3000:]
        )
    return result.stdout


# ---------------------------------------------------------------------------------------
# Backup


def default_archive_name(now: dt.datetime | None = None) -> str:
    now = timezone.localtime(now)
    return f"palabre-backup-{now:%Y%m%d-%H%M%S}.zip"


def archive_path(output: str | None) -> Path:
    """A folder (the default: DATA_DIR/backups) gets a dated name; a path ending in .zip
    is used as it is."""
    if output and output.lower().endswith(".zip"):
        return Path(output).resolve()
    folder = Path(output) if output else Path(settings.DATA_DIR) / "backups"
    return (folder / default_archive_name()).resolve()


def _snapshot_sqlite(source: sqlite3.Connection, target: Path) -> dict[str, list[str]]:
    """Copy the live database with SQLite's online backup API: one read transaction, so
    the copy is the database as it was at one instant, while the site goes on writing
    (WAL readers do not block writers). Returns the copy's applied migrations."""
    copy = sqlite3.connect(target)
    deadline = time.monotonic() + BUSY_TIMEOUT

    def give_up_when_locked_too_long(status: int, remaining: int, total: int) -> None:
        # SQLite retries a locked source for ever: a connection holding a write
        # transaction open (never Palabre's own requests for this long) would hang us.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError(
                bilingual(
                    f"La base est restée verrouillée plus de {BUSY_TIMEOUT} s : réessayez plus tard.",
                    f"The database stayed locked for more than {BUSY_TIMEOUT} s: try again later.",
                )
            )

    try:
        source.backup(copy, progress=give_up_when_locked_too_long, sleep=0.1)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        rows = copy.execute("SELECT app, name FROM django_migrations")
        return _by_app(rows.fetchall())
    finally:
        copy.close()


def _by_app(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Applied migrations as the manifest lists them: {"practices": ["0001_initial", …]}."""
    found: dict[str, list[str]] = {}
    for app, name in sorted(pairs):
        found.setdefault(app, []).append(name)
    return found


def _check_sqlite_file(path: Path) -> str:
    copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = [row[0] for row in copy.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        copy.close()
    return "ok" if found == ["ok"] else "; ".join(found[:5])


def _dump_postgresql(connection: BaseDatabaseWrapper, target: Path, version: str) -> PgTool:
    tool = pg_tool("pg_dump", server_major(version))
    if tool.major < server_major(version):
        raise BackupError(
            bilingual(
                f"pg_dump {tool.version} ne peut pas sauvegarder un serveur PostgreSQL {version} : installez postgresql-client-{server_major(version)} (ou plus récent).",
                f"pg_dump {tool.version} cannot dump a PostgreSQL {version} server: install postgresql-client-{server_major(version)} (or newer).",
            )
        )
    args, env = pg_connection_args(connection)
    name = str(connection.settings_dict["NAME"])
    _run_pg(tool, ["--format=custom", "--file", str(target), *args, name], env, "pg_dump")
    return tool


def _zip_time(timestamp: float) -> tuple[int, int, int, int, int, int]:
    moment = dt.datetime.fromtimestamp(max(timestamp, 315532800 + 86400))  # ZIP: 1980 on
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _add_file(archive: zipfile.ZipFile, path: Path, name: str) -> dict[str, Any]:
    """Stream one file into the archive, hashing exactly the bytes stored."""
    with path.open("rb") as source:
        stat = os.fstat(source.fileno())
        info = zipfile.ZipInfo(name, date_time=_zip_time(stat.st_mtime))
        compress = PurePosixPath(name).suffix.lower() not in STORED_SUFFIXES
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        info.file_size = stat.st_size
        digest = hashlib.sha256()
        size = 0
        with archive.open(info, "w", force_zip64=stat.st_size > 1 << 30) as target:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                target.write(chunk)
                size += len(chunk)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


@dataclass
class BackupResult:
    path: Path
    size: int
    files: int
    media_size: int
    manifest: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def backup_create(*, output: str | None = None, progress: Progress = _quiet) -> BackupResult:
    """Write the archive to a temporary file beside its destination, then rename it: an
    archive that exists is complete."""
    connection = connections["default"]
    engine = engine_of(connection)
    target = archive_path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    version = server_version(connection)
    member = DATABASE_MEMBERS[engine]
    warnings = []
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".palabre-backup-") as work:
        database_file = Path(work) / PurePosixPath(member).name
        progress("Copie de la base de données… / Copying the database…")
        database: dict[str, Any] = {"engine": engine, "server_version": version, "member": member}
        if engine == "sqlite":
            connection.ensure_connection()
            migrations = _snapshot_sqlite(connection.connection, database_file)
            database["check"] = _check_sqlite_file(database_file)
            if database["check"] != "ok":
                warnings.append(
                    bilingual(
                        f"La vérification de la base a signalé : {database['check']}",
                        f"The database check reported: {database['check']}",
                    )
                )
        else:
            recorder = MigrationRecorder(connection)
            migrations = _by_app(recorder.applied_migrations())
            tool = _dump_postgresql(connection, database_file, version)
            database["dump_tool"] = f"pg_dump {tool.version}"
            database["dump_major"] = tool.major
        progress(f"  {human_size(database_file.stat().st_size)}")
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "palabre_version": palabre_version(),
            "django_version": django.get_version(),
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "site_url": settings.SITE_URL,
            "database": database,
            "migrations": migrations,
        }
        part = Path(work) / "archive.zip"
        media_root = Path(settings.MEDIA_ROOT)
        progress(f"Fichiers de {media_root}… / Files from {media_root}…")
        with zipfile.ZipFile(part, "w", allowZip64=True) as archive:
            entries = [_add_file(archive, database_file, member)]
            database_file.unlink()
            media_size = 0
            for relative, path in media_files(media_root):
                try:
                    entry = _add_file(archive, path, MEDIA_PREFIX + relative)
                except FileNotFoundError:  # removed since it was listed: gone with its row
                    continue
                entries.append(entry)
                media_size += entry["size"]
                if (len(entries) - 1) % 500 == 0:
                    progress(f"  {len(entries) - 1} fichiers / files, {human_size(media_size)}")
            manifest["files"] = entries
            archive.writestr(
                MANIFEST,
                json.dumps(manifest, indent=1, ensure_ascii=False),
                compress_type=zipfile.ZIP_DEFLATED,
            )
        progress(f"  {len(entries) - 1} fichiers / files, {human_size(media_size)}")
        part.chmod(0o600)  # everything people entrusted to Palabre: for the operator only
        with part.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    _fsync_folder(target.parent)
    return BackupResult(
        path=target,
        size=target.stat().st_size,
        files=len(entries) - 1,
        media_size=media_size,
        manifest=manifest,
        warnings=warnings,
    )


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def backups_to_prune(names: Iterable[str], *, daily: int, weekly: int, monthly: int) -> list[str]:
    """The archives a retention of ``daily`` days, ``weekly`` weeks and ``monthly``
    months lets go: the newest archive of each of the last N days (weeks, months) that
    have one is kept, and the newest archive always. Names not made by `palabre backup`
    are never listed."""
    dated = []
    for name in names:
        found = ARCHIVE_NAME.match(name)
        if found:
            dated.append((dt.datetime.strptime("".join(found.groups()), "%Y%m%d%H%M%S"), name))
    dated.sort(reverse=True)
    keep = {dated[0][1]} if dated else set()
    for count, period in (
        (daily, lambda d: d.date()),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ):
        seen: list[Any] = []
        for moment, name in dated:
            bucket = period(moment)
            if bucket not in seen:
                if len(seen) == count:
                    break
                seen.append(bucket)
                keep.add(name)
    return sorted(name for _, name in dated if name not in keep)


def backup_prune(folder: Path, *, daily: int, weekly: int, monthly: int) -> list[Path]:
    names = [p.name for p in folder.iterdir() if p.is_file()]
    removed = []
    for name in backups_to_prune(names, daily=daily, weekly=weekly, monthly=monthly):
        (folder / name).unlink()
        removed.append(folder / name)
    return removed


# ---------------------------------------------------------------------------------------
# Restore


@dataclass
class Archive:
    path: Path
    manifest: dict[str, Any]
    engine: str
    files: list[dict[str, Any]]

    @property
    def database_member(self) -> str:
        return DATABASE_MEMBERS[self.engine]

    @property
    def media(self) -> list[dict[str, Any]]:
        return [f for f in self.files if f["name"].startswith(MEDIA_PREFIX)]

    @property
    def migrations(self) -> list[tuple[str, str]]:
        return [(app, n) for app, names in self.manifest["migrations"].items() for n in names]

    @property
    def total_size(self) -> int:
        return sum(f["size"] for f in self.files)


def _damaged(path: Path, detail: object) -> BackupError:
    return BackupError(
        bilingual(
            f"L'archive {path} est abîmée ou incomplète ({detail}). Rien n'a été modifié.",
            f"The archive {path} is damaged or incomplete ({detail}). Nothing was changed.",
        )
    )


def _foreign(path: Path, detail: str) -> BackupError:
    return BackupError(
        bilingual(
            f"{path} n'est pas une sauvegarde de Palabre ({detail}). Rien n'a été modifié.",
            f"{path} is not a Palabre backup ({detail}). Nothing was changed.",
        )
    )


def _safe_member(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and "\\" not in name
        and not name.startswith("/")
        and all(part not in ("", ".", "..") for part in parts)
        and (
            name in DATABASE_MEMBERS.values() or (name.startswith(MEDIA_PREFIX) and len(parts) > 1)
        )
    )


def _well_formed(manifest: dict[str, Any]) -> bool:
    database, files, migrations = (manifest.get(k) for k in ("database", "files", "migrations"))
    return (
        isinstance(database, dict)
        and database.get("engine") in DATABASE_MEMBERS
        and re.fullmatch(r"\d+(\.\d+)*", str(database.get("server_version"))) is not None
        and isinstance(database.get("dump_major", 0), int)
        and isinstance(migrations, dict)
        and all(
            isinstance(names, list) and all(isinstance(n, str) for n in names)
            for names in migrations.values()
        )
        and isinstance(files, list)
        and all(
            isinstance(f, dict)
            and isinstance(f.get("name"), str)
            and isinstance(f.get("size"), int)
            and isinstance(f.get("sha256"), str)
            and len(f["sha256"]) == 64
            for f in files
        )
    )


def archive_open(path: Path) -> Archive:
    """Read and check the manifest against the archive's table of contents (cheap: the
    members' checksums are checked as they are extracted)."""
    if not path.is_file():
        raise BackupError(bilingual(f"Fichier introuvable : {path}", f"No such file: {path}"))
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            try:
                raw = archive.read(MANIFEST)
            except KeyError:
                raise _foreign(path, "manifest.json absent / missing") from None
    except zipfile.BadZipFile as error:
        with path.open("rb") as handle:
            if handle.read(2) != b"PK":
                raise _foreign(path, "pas un fichier ZIP / not a ZIP file") from None
        raise _damaged(path, f"ZIP: {error}") from None
    except (EOFError, zlib.error) as error:
        raise _damaged(path, error) from None
    try:
        manifest = json.loads(raw)
    except ValueError:
        raise _foreign(path, "manifest.json illisible / unreadable") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _foreign(path, "manifest.json")
    if (
        not isinstance(manifest.get("format_version"), int)
        or manifest["format_version"] > FORMAT_VERSION
    ):
        raise BackupError(
            bilingual(
                f"{path} a été faite par une version plus récente de Palabre (format {manifest.get('format_version')}) : mettez Palabre à jour pour la restaurer.",
                f"{path} was made by a newer Palabre (format {manifest.get('format_version')}): upgrade Palabre to restore it.",
            )
        )
    if not _well_formed(manifest):
        raise _damaged(path, "manifest.json incomplet / incomplete")
    engine = manifest["database"]["engine"]
    files = manifest["files"]
    listed = [f["name"] for f in files]
    present = [info.filename for info in infos if info.filename != MANIFEST]
    unsafe = [name for name in present + listed if not _safe_member(name)]
    if unsafe:
        raise _foreign(path, f"{unsafe[0]!r}")
    if len(set(present)) != len(present) or sorted(present) != sorted(listed):
        difference = sorted(set(present) ^ set(listed)) or ["doublon / duplicate"]
        raise _damaged(path, f"manifest ≠ ZIP: {difference[0]}")
    if DATABASE_MEMBERS[engine] not in listed:
        raise _damaged(path, f"{DATABASE_MEMBERS[engine]} absent / missing")
    sizes = {info.filename: info.file_size for info in infos}
    for entry in files:
        if sizes[entry["name"]] != entry["size"]:
            raise _damaged(path, f"{entry['name']}: taille / size")
    return Archive(path=path, manifest=manifest, engine=engine, files=files)


@dataclass
class RestorePlan:
    archive: Archive
    pg_restore: PgTool | None = None


def restore_check(archive: Archive, connection: BaseDatabaseWrapper) -> RestorePlan:
    """Can this code restore this archive into the configured database?"""
    engine = engine_of(connection)
    source = archive.manifest["database"]
    if archive.engine != engine:
        raise BackupError(
            bilingual(
                f"L'archive contient une base {archive.engine} (serveur {source.get('server_version')}), mais Palabre est configuré pour {engine}. Restaurez-la dans une installation {archive.engine} (DATABASE_URL) ; pour changer de base ensuite, utilisez dumpdata et loaddata.",
                f"The archive holds a {archive.engine} database (server {source.get('server_version')}), but Palabre is configured for {engine}. Restore it into a {archive.engine} installation (DATABASE_URL); to move to another database afterwards, use dumpdata and loaddata.",
            )
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    unknown = [f"{app}.{name}" for app, name in archive.migrations if (app, name) not in known]
    if unknown:
        listed = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise BackupError(
            bilingual(
                f"Cette sauvegarde vient d'une version plus récente de Palabre ({archive.manifest.get('palabre_version')}) : migrations inconnues ici : {listed}. Installez une version de Palabre au moins aussi récente, puis restaurez. Rien n'a été modifié.",
                f"This backup comes from a newer Palabre ({archive.manifest.get('palabre_version')}): migrations unknown here: {listed}. Install a Palabre at least as recent, then restore. Nothing was changed.",
            )
        )
    plan = RestorePlan(archive=archive)
    if engine == "postgresql":
        here = server_version(connection)
        if server_major(here) < server_major(source["server_version"]):
            raise BackupError(
                bilingual(
                    f"L'archive vient de PostgreSQL {source['server_version']}, ce serveur est en {here} : restaurez-la sur un serveur PostgreSQL {server_major(source['server_version'])} ou plus récent.",
                    f"The archive comes from PostgreSQL {source['server_version']}, this server runs {here}: restore it on a PostgreSQL {server_major(source['server_version'])} server or newer.",
                )
            )
        tool = pg_tool("pg_restore", server_major(here))
        if tool.major < int(source.get("dump_major", 0)):
            raise BackupError(
                bilingual(
                    f"pg_restore {tool.version} ne sait pas lire une archive de {source.get('dump_tool')} : installez postgresql-client-{source['dump_major']} (ou plus récent).",
                    f"pg_restore {tool.version} cannot read an archive made by {source.get('dump_tool')}: install postgresql-client-{source['dump_major']} (or newer).",
                )
            )
        plan.pg_restore = tool
    return plan


def installation_contents(
    connection: BaseDatabaseWrapper, *, ignore: Iterable[str] = ()
) -> list[str]:
    """What makes the installation not empty: tables holding rows, files under MEDIA_ROOT."""
    found = [f"table {name}" for name in tables_holding_data(connection, ignore=ignore)]
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        found.append(str(media_root))
    return found


def refuse_unless_empty(connection: BaseDatabaseWrapper, *, ignore: Iterable[str] = ()) -> None:
    found = installation_contents(connection, ignore=ignore)
    if found:
        listed = ", ".join(found[:6]) + (" …" if len(found) > 6 else "")
        raise BackupError(
            bilingual(
                f"Restauration refusée : cette installation contient déjà des données ({listed}). Palabre ne restaure que dans une installation vide, pour ne rien écraser.",
                f"Restore refused: this installation already holds data ({listed}). Palabre restores only into an empty installation, so that nothing is overwritten.",
            )
            + "\n"
            + start_from_empty_advice(connection)
        )


def archive_extract(archive: Archive, staging: Path, progress: Progress = _quiet) -> None:
    """Extract every member under ``staging``, checking its size and SHA-256 against the
    manifest (and the ZIP's CRC): what fails leaves the installation untouched."""
    free = shutil.disk_usage(staging).free
    if free < archive.total_size:
        raise BackupError(
            bilingual(
                f"Pas assez de place dans {staging.parent} : il faut {human_size(archive.total_size)}, il reste {human_size(free)}.",
                f"Not enough space in {staging.parent}: {human_size(archive.total_size)} needed, {human_size(free)} free.",
            )
        )
    done = 0
    try:
        with zipfile.ZipFile(archive.path) as opened:
            for entry in archive.files:
                target = staging.joinpath(*PurePosixPath(entry["name"]).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                size = 0
                with opened.open(entry["name"]) as source, target.open("wb") as copy:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        copy.write(chunk)
                        size += len(chunk)
                if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
                    raise BackupError(
                        bilingual(
                            f"L'archive {archive.path} a été modifiée ou abîmée : {entry['name']} ne correspond pas à la somme de contrôle du manifeste. Rien n'a été modifié.",
                            f"The archive {archive.path} was altered or damaged: {entry['name']} does not match the manifest's checksum. Nothing was changed.",
                        )
                    )
                done += 1
                if done % 500 == 0:
                    progress(f"  {done}/{len(archive.files)}")
    except (zipfile.BadZipFile, EOFError, zlib.error) as error:
        raise _damaged(archive.path, error) from None
    if archive.engine == "sqlite":
        database = staging.joinpath(*PurePosixPath(archive.database_member).parts)
        check = _check_sqlite_file(database)
        if check != "ok":
            raise _damaged(archive.path, f"SQLite: {check}")
        copy = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            inside = {tuple(r) for r in copy.execute("SELECT app, name FROM django_migrations")}
        finally:
            copy.close()
        if inside != set(archive.migrations):
            raise _damaged(archive.path, "manifest ≠ django_migrations")


def _restore_sqlite(database: Path, connection: BaseDatabaseWrapper) -> None:
    """SQLite's backup API, from the extracted copy into the configured file."""
    connection.close()
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    target = sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=20)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _empty_postgresql(connection: BaseDatabaseWrapper) -> None:
    """Drop what a migrate into this (checked empty) database created, so that the dump
    can be restored as it was: tables, views, sequences and text search configurations of
    the current schema."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.get_table_list(cursor)
        for info in tables:
            kind = "VIEW" if info.type == "v" else "TABLE"
            cursor.execute(f"DROP {kind} IF EXISTS {quote(info.name)} CASCADE")
        cursor.execute(
            "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema()"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP SEQUENCE IF EXISTS {quote(name)} CASCADE")
        cursor.execute(
            "SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = current_schema()::regnamespace"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {quote(name)} CASCADE")


def _restore_postgresql(dump: Path, connection: BaseDatabaseWrapper, tool: PgTool) -> None:
    """pg_restore into the emptied database, in one transaction (a failure leaves it
    empty). Ownership and grants are the new server's; the comment on an extension is
    left out (only its owner, often a superuser, may set it)."""
    from django.db import transaction

    with transaction.atomic(using=connection.alias):
        _empty_postgresql(connection)
    connection.close()
    args, env = pg_connection_args(connection)
    contents = _run_pg(tool, ["--list", str(dump)], env, "pg_restore --list")
    chosen = "\n".join(
        line for line in contents.splitlines() if " COMMENT - EXTENSION " not in line
    )
    listing = dump.with_suffix(".list")
    listing.write_text(chosen)
    try:
        _restore_with_pg(tool, listing, dump, args, env, str(connection.settings_dict["NAME"]))
    except BackupError as error:
        raise BackupError(
            f"{error}\n"
            + bilingual(
                "La base est restée vide : corrigez la cause, puis relancez la restauration.",
                "The database was left empty: fix the cause, then run restore again.",
            )
        ) from None


def _restore_with_pg(
    tool: PgTool, listing: Path, dump: Path, args: list[str], env: dict[str, str], name: str
) -> None:
    _run_pg(
        tool,
        [
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--use-list",
            str(listing),
            *args,
            "--dbname",
            name,
            str(dump),
        ],
        env,
        "pg_restore",
    )


def restore_apply(plan: RestorePlan, staging: Path, connection: BaseDatabaseWrapper) -> None:
    """Put the extracted database and files in place."""
    archive = plan.archive
    database = staging.joinpath(*PurePosixPath(archive.database_member).parts)
    if archive.engine == "sqlite":
        _restore_sqlite(database, connection)
    else:
        assert plan.pg_restore is not None  # noqa: S101
        _restore_postgresql(database, connection, plan.pg_restore)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    extracted = staging / MEDIA_PREFIX.rstrip("/")
    if extracted.is_dir():
        for entry in sorted(extracted.iterdir()):
            shutil.move(str(entry), str(media_root / entry.name))


def staging_folder() -> tempfile.TemporaryDirectory[str]:
    """Beside MEDIA_ROOT, so that files are moved into place, not copied again."""
    parent = Path(settings.MEDIA_ROOT).parent
    parent.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=parent, prefix=".palabre-restore-")


def migrations_to_apply(connection: BaseDatabaseWrapper) -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
