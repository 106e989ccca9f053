"""Compile every catalog to .mo with polib (no gettext tools needed), byte-for-byte stable."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parents[1] / "palabre"
for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po")):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
