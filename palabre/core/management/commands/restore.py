"""`palabre restore ARCHIVE`: an archive of `palabre backup` into an empty installation."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from palabre.core.backup import (
    archive_extract,
    archive_open,
    bilingual,
    human_size,
    migrations_to_apply,
    refuse_unless_empty,
    restore_apply,
    restore_check,
    staging_folder,
)
from palabre.themes.models import Theme
from palabre.workshops.models import FacilitationTool

# Reference data that Palabre's own migrations write: an installation holding only these
# rows has never been used.
SEEDED_BY_MIGRATIONS = (Theme, FacilitationTool)


class Command(BaseCommand):
    help = (
        "Restore an archive made by `palabre backup` into an empty installation "
        "(checked first: a damaged, foreign or newer archive is refused)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .zip file written by palabre backup.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        verbose = options["verbosity"] >= 1

        def progress(message: str) -> None:
            if verbose:
                self.stdout.write(message)
                self.stdout.flush()

        connection = connections["default"]
        opened = archive_open(Path(archive))
        manifest = opened.manifest
        progress(
            f"Archive : Palabre {manifest.get('palabre_version')}, "
            f"{manifest.get('created_at')}, {opened.engine} "
            f"{manifest['database'].get('server_version')}, "
            f"{len(opened.media)} fichiers / files ({human_size(opened.total_size)})"
        )
        plan = restore_check(opened, connection)
        refuse_unless_empty(connection, ignore=[m._meta.db_table for m in SEEDED_BY_MIGRATIONS])

        with staging_folder() as staging:
            progress("Vérification des sommes de contrôle… / Checking the checksums…")
            archive_extract(opened, Path(staging), progress)
            progress("Archive intacte. / Archive intact.")
            if not yes:
                self._confirm(connection)
            progress("Restauration de la base… / Restoring the database…")
            restore_apply(plan, Path(staging), connection)

        pending = migrations_to_apply(connection)
        if pending:
            progress(
                f"Mise à jour du schéma ({pending} migrations)… / "
                f"Bringing the schema up to date ({pending} migrations)…"
            )
        call_command("migrate", interactive=False, verbosity=0)
        if pending:
            # Indexing may have changed since the archive's version; both engines keep
            # their index inside the database, so an archive of this version needs none.
            progress("Reconstruction de l'index de recherche… / Rebuilding the search index…")
            call_command("rebuild_search_index", verbosity=0)
        cache.clear()
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    bilingual(
                        f"Restauration terminée : {connection.settings_dict['NAME']} et {settings.MEDIA_ROOT}.",
                        f"Restore complete: {connection.settings_dict['NAME']} and {settings.MEDIA_ROOT}.",
                    )
                )
            )
            self.stdout.write(
                bilingual(
                    "Les personnes devront se reconnecter si la clé secrète (SECRET_KEY) n'est pas la même.",
                    "People will have to sign in again unless the secret key (SECRET_KEY) is the same.",
                )
            )

    def _confirm(self, connection) -> None:
        question = (
            f"Restaurer dans {connection.settings_dict['NAME']} et {settings.MEDIA_ROOT} ? [o/N] / "
            f"Restore into {connection.settings_dict['NAME']} and {settings.MEDIA_ROOT}? [y/N] "
        )
        if not sys.stdin.isatty():
            raise CommandError(
                bilingual(
                    "Confirmez avec --yes (pas de terminal pour demander).",
                    "Confirm with --yes (no terminal to ask on).",
                )
            )
        if input(question).strip().lower() not in ("o", "oui", "y", "yes"):
            raise CommandError(
                bilingual("Abandon : rien n'a été modifié.", "Cancelled: nothing was changed.")
            )
