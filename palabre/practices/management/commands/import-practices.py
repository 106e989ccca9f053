"""`palabre import-practices FILE`: import practices from CSV, XLSX or JSONL (see docs/import-export.md)."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from palabre.lib.errors import ServiceError
from palabre.practices.exchange import FORMATS, import_file, validate_file


class Command(BaseCommand):
    help = (
        "Import practices from a CSV, XLSX or JSONL file. Every row is checked first; "
        "by default nothing is imported if any row is bad. Rows with an external_id "
        "already in Palabre update those practices."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS, help="Default: from the file name")
        parser.add_argument("--language", choices=["fr", "en"], help="Language of the messages")
        parser.add_argument("--by", help="E-mail of the person the import is recorded for")
        parser.add_argument(
            "--partial", action="store_true", help="Import the good rows even if some are bad"
        )
        parser.add_argument("--check", action="store_true", help="Only check the file")

    def handle(self, *args, file, format, language, by, partial, check, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        fmt = format or path.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}: use --format csv, xlsx or jsonl")
        user = None
        if by:
            user = get_user_model().objects.filter(email__iexact=by).first()
            if user is None:
                raise CommandError(f"No account with the e-mail address {by}")
        verbose = options["verbosity"] > 0

        def progress(done: int) -> None:
            if verbose:
                sys.stderr.write(f"\r  {done:>8} rows")
                sys.stderr.flush()

        with translation.override(language or translation.get_language() or "fr"):
            try:
                if check:
                    report = validate_file(path, fmt, progress=progress)
                else:
                    report = import_file(path, fmt, by=user, partial=partial, progress=progress)
            except ServiceError as error:  # a file that cannot be read, or is too large
                raise CommandError(str(error.message)) from error
            if verbose:
                sys.stderr.write("\n")
            for error in report.errors[:1000]:
                self.stderr.write(f"line {error.line}: {error.message}")
            if len(report.errors) > 1000:
                self.stderr.write(f"… and {len(report.errors) - 1000} more errors")
            if report.errors and not partial:
                raise CommandError(
                    f"{len(report.errors)} problem(s) in {report.rows} rows: nothing was imported."
                )
            if check:
                self.stdout.write(self.style.SUCCESS(f"{report.rows} rows checked, no problem."))
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{report.rows} rows read: {report.created} practices created, "
                        f"{report.updated} updated."
                    )
                )
