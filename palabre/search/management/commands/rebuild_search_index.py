"""`palabre rebuild_search_index`: index every searchable object again."""

import sys

from django.core.management.base import BaseCommand

from palabre.search.services import search_rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text index (and the vocabulary of suggestions) from the data."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", help="Only this kind (practice, thread…)")

    def handle(self, *args, kind=None, **options):
        def progress(done):
            if options["verbosity"]:
                sys.stderr.write(f"\r{done} documents…")

        total = search_rebuild(kinds=kind, progress=progress)
        if options["verbosity"]:
            sys.stderr.write("\n")
            self.stdout.write(self.style.SUCCESS(f"{total} documents indexed."))
