"""`palabre export-practices FILE`: the whole library as CSV, XLSX or JSONL."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from palabre.practices.exchange import FORMATS, export_rows, write_csv, write_jsonl, write_xlsx
from palabre.practices.models import Practice


class Command(BaseCommand):
    help = "Export every practice (any status) to a file that import-practices reads back."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS)
        parser.add_argument("--published", action="store_true", help="Only published practices")

    def handle(self, *args, file, format, published, **options):
        path = Path(file)
        fmt = format or path.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}: use --format csv, xlsx or jsonl")
        queryset = Practice.objects.order_by("pk")
        if published:
            queryset = queryset.filter(status=Practice.Status.PUBLISHED)
        rows = export_rows(queryset)
        if fmt == "xlsx":
            write_xlsx(rows, path)
        else:
            writer = write_csv if fmt == "csv" else write_jsonl
            with path.open("w", encoding="utf-8", newline="") as handle:
                for chunk in writer(rows):
                    handle.write(chunk)
        self.stdout.write(self.style.SUCCESS(f"Written {path}"))
