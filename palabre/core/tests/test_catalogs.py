"""Every user-facing string is translated in French and English, and the compiled catalogs match."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))


def test_every_app_has_both_catalogs():
    # palabre/locale holds core's strings; every other app keeps its own catalog.
    folders = [ROOT] + [p.parent for p in ROOT.glob("*/apps.py") if p.parent.name != "core"]
    for folder in folders:
        for language in ("fr", "en"):
            path = folder / "locale" / language / "LC_MESSAGES" / "django.po"
            assert path.exists(), f"{path} missing: run scripts/messages.sh"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_catalog_is_complete_and_compiled(path):
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run make messages"
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path))
    }
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in po.translated_entries()
        if not e.obsolete
    }
    stale = [key[1] for key in source if compiled.get(key) != source[key]]
    assert not stale, f"{mo_path} is out of date for: {stale[:5]}"
