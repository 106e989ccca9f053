"""Static files made of other static files: one stylesheet and one script per page.

A first visit on a phone makes at most three requests: the page, ONE stylesheet and at
most ONE script (issue 16). The apps keep their own CSS and the site script stays one
file; ``BundleFinder`` (in ``STATICFILES_FINDERS``) serves their concatenations under
the names below. It builds a bundle from its sources each time the bundle is looked up,
into ``DATA_DIR/bundles``, so ``runserver``, the live server of the browser tests and
``collectstatic`` (which then hashes and compresses it like any other file) all see the
current sources; nothing built is committed.

- ``palabre/site.css``: ``palabre.css``, the print rules inside ``@media print``, then
  every app's stylesheet. Add an app's stylesheet to ``BUNDLES`` rather than linking it
  from a template. Error pages that must stand alone (500.html) keep ``error.css``.
- ``palabre/htmx-site.js``: htmx, then ``palabre.js``, for the pages that use htmx; the
  others load ``palabre/site.js``, ``palabre.js`` alone (``{% page_scripts %}`` in
  ``palabre/core/templatetags/assets.py`` chooses).

On the way, comments and indentation go (``squeeze_css``, ``squeeze_js``): about 1.5 kB
less to download, compressed, on a budget of 30.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage

SITE_CSS = "palabre/site.css"
HTMX_JS = "palabre/htmx-site.js"
SITE_JS = "palabre/site.js"

# Each bundle: its sources in order, with the media query that wraps a source (or "").
BUNDLES: dict[str, list[tuple[str, str]]] = {
    SITE_CSS: [
        ("palabre/palabre.css", ""),
        ("palabre/print.css", "print"),
        ("palabre/print-sheet.css", ""),
        ("accounts/security.css", ""),
        ("workshops/workshops.css", ""),
        ("discussions/discussions.css", ""),
        ("notifications/notifications.css", ""),
        ("adoptions/adoptions.css", ""),
        ("resources/resources.css", ""),
        ("announcements/announcements.css", ""),
        ("projects/projects.css", ""),
        ("newsletter/newsletter.css", ""),
    ],
    SITE_JS: [("palabre/palabre.js", "")],
    HTMX_JS: [("palabre/htmx.min.js", ""), ("palabre/palabre.js", "")],
}


def _source(name: str) -> str:
    path = finders.find(name)
    if not path or isinstance(path, list):
        raise FileNotFoundError(f"{name}, a part of a static bundle, is not a static file")
    return Path(path).read_text(encoding="utf-8")


def squeeze_css(text: str) -> str:
    """``text`` without comments and with one line per rule (no string holds "{};/*")."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ?([{};]) ?", r"\1", text).replace(";}", "}")
    return text.replace("}", "}\n").strip()


def squeeze_js(text: str) -> str:
    """``text`` without blank lines, whole-line ``//`` comments and indentation.

    Left as it is when it has a template literal (a backtick), whose lines are text."""
    if "`" in text:
        return text.strip()
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def content(bundle: str) -> str:
    """The text of ``bundle``, built from the current sources."""
    parts = []
    for name, media in BUNDLES[bundle]:
        text = _source(name)
        if bundle.endswith(".css"):
            text = squeeze_css(text)
            text = f"/* {name} */\n" + (f"@media {media}{{\n{text}\n}}" if media else text)
        elif name.endswith(".min.js"):
            # A statement that a source leaves open must not run into the next one.
            text = f"{text.strip()}\n;"
        else:
            text = f"{squeeze_js(text)}\n;"
        parts.append(text)
    return "\n".join(parts) + "\n"


def build_dir() -> Path:
    return Path(settings.DATA_DIR) / "bundles"


def build(bundle: str) -> Path:
    """Write ``bundle`` under ``build_dir()`` when it changed; its path."""
    text = content(bundle)
    path = build_dir() / bundle
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then moved: another process never reads half a bundle.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".bundle-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
    return path


class BundleFinder(BaseFinder):
    """Finds the bundles of ``BUNDLES``, built afresh from their sources."""

    def check(self, **kwargs):
        errors = []
        for bundle, sources in BUNDLES.items():
            for name, _media in sources:
                if not finders.find(name):
                    errors.append(Error(f"{name} (in {bundle}) is not a static file"))
        return errors

    def find(self, path, find_all=False, **kwargs):
        if path not in BUNDLES:
            return []
        found = str(build(path))
        return [found] if find_all else found

    def list(self, ignore_patterns) -> Iterator[tuple[str, FileSystemStorage]]:
        storage = FileSystemStorage(location=build_dir())
        for bundle in BUNDLES:
            build(bundle)
            yield bundle, storage
