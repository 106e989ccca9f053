"""`palabre backup`: the database and the uploaded files in one verified archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from palabre.core.backup import backup_create, backup_prune, bilingual, human_size


class Command(BaseCommand):
    help = (
        "Write one archive (.zip) holding a consistent copy of the database, the uploaded "
        "files and a manifest with checksums; safe while Palabre runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="A folder (default: DATA_DIR/backups) or a file name ending in .zip.",
        )
        for period, unit, example in (
            ("daily", "days", 7),
            ("weekly", "weeks", 5),
            ("monthly", "months", 12),
        ):
            parser.add_argument(
                f"--keep-{period}",
                type=int,
                metavar="N",
                help=f"After the backup, delete older archives of the folder except the newest "
                f"of each of the last N {unit} that have one "
                f"(e.g. {example}).",
            )

    def handle(self, *args, output, keep_daily, keep_weekly, keep_monthly, **options):
        verbose = options["verbosity"] >= 1

        def progress(message: str) -> None:
            if verbose:
                self.stdout.write(message)
                self.stdout.flush()

        result = backup_create(output=output, progress=progress)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(f"Sauvegarde écrite / Backup written: {result.path}")
            )
            self.stdout.write(
                f"  {human_size(result.size)}, {result.files} fichiers / files, "
                f"base / database {result.manifest['database']['engine']} "
                f"{result.manifest['database']['server_version']}"
            )
        pruning = (keep_daily, keep_weekly, keep_monthly)
        if any(n is not None for n in pruning):
            daily, weekly, monthly = (n or 0 for n in pruning)
            for path in backup_prune(
                Path(result.path).parent, daily=daily, weekly=weekly, monthly=monthly
            ):
                progress(f"Supprimée / Deleted: {path.name}")
        if result.warnings:
            raise CommandError(
                "\n".join(result.warnings)
                + "\n"
                + bilingual(
                    f"L'archive a quand même été écrite : {result.path}",
                    f"The archive was written all the same: {result.path}",
                )
            )
