"""`palabre image_variants`: make the sized WebP copies of previews made before they
existed (or by the demonstration data), so that pages serve them too."""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand

from palabre.lib.images import make_variants, manifest_name


class Command(BaseCommand):
    help = "Make the WebP copies of every preview that has none yet (decodes small previews)."

    def handle(self, *args, **options):
        made = 0
        for model in apps.get_models():
            if not hasattr(model, "upload_folder"):
                continue
            if not any(field.name == "preview" for field in model._meta.fields):
                continue
            for record in model._default_manager.exclude(preview="").iterator():
                if record.preview.storage.exists(manifest_name(record.preview.name)):
                    continue
                if make_variants(record.preview) is not None:
                    made += 1
        self.stdout.write(f"{made} preview(s) given their WebP copies.")
