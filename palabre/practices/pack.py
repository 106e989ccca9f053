"""The offline pack: a theme's or a workshop's practices as a ZIP of light HTML pages (an
index, one page per practice, one small stylesheet, relative links) and the practices'
PDF files, to pass on by USB or a messaging app and open in any phone's browser.

It holds only what the person who downloads it may read: the practices come through
``palabre.permissions.practices.practices_visible_to`` (published, and visible to them),
their PDF files through the same rule (an attachment follows its practice).

Size is bounded so that the pack is built in the request, in a temporary file that stays
in memory while small: at most ``MAX_PRACTICES`` practices (the most recently published;
the index says how many were left out and links to the others online) and at most
``MAX_PDF_BYTES`` of PDF files in all (a PDF beyond that is linked online instead). Pages
are a few kB each, so a full pack is at most about 20 MB and takes well under a second
to write; no background job, no file kept on the server, nothing to clean up.
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from palabre.permissions import practices as rules
from palabre.practices.models import Attachment, Practice
from palabre.themes.models import Theme

MAX_PRACTICES = 40
MAX_PDF_BYTES = 20 * 1024 * 1024
# In memory while the pack is smaller than this, then in a temporary file.
SPOOL_BYTES = 2 * 1024 * 1024


@dataclass
class PackEntry:
    practice: Practice
    page: str  # its page in the pack, relative to the index
    pdfs: list[tuple[Attachment, str]] = field(default_factory=list)  # (file, path in pack)
    online_files: list[Attachment] = field(default_factory=list)  # PDFs over the size bound


def pack_practices(user: Any, queryset: QuerySet[Practice]) -> tuple[list[Practice], int]:
    """The practices of ``queryset`` this person may read, at most ``MAX_PRACTICES`` (the
    most recently published first), with everything their pages show; and how many they
    may read in all."""
    visible = rules.practices_visible_to(user, queryset)
    total = visible.count()
    pdfs = Attachment.objects.filter(
        kind=Attachment.Kind.DOCUMENT, content_type="application/pdf", prepared_at__isnull=False
    )
    chosen = list(
        visible.select_related("lead_organisation")
        .prefetch_related("steps", "authors", Prefetch("attachments", pdfs, to_attr="pdfs"))
        .order_by("-last_published_at", "-pk")[:MAX_PRACTICES]
    )
    return chosen, total


def write_pack(
    target: Any,
    *,
    request: HttpRequest,
    practices: list[Practice],
    total: int,
    title: str,
    online_url: str,
) -> None:
    """Write the pack's ZIP into ``target`` (a binary file)."""
    entries: list[PackEntry] = []
    pdf_bytes = 0
    for practice in practices:
        entry = PackEntry(practice=practice, page=f"practices/{practice.pk}.html")
        for attachment in getattr(practice, "pdfs", []):
            if pdf_bytes + attachment.size <= MAX_PDF_BYTES:
                pdf_bytes += attachment.size
                name = slugify(attachment.original_name.rsplit(".", 1)[0])[:60] or "document"
                entry.pdfs.append((attachment, f"files/{practice.pk}-{attachment.pk}-{name}.pdf"))
            else:
                entry.online_files.append(attachment)
        entries.append(entry)
    context = {
        "title": title,
        "entries": entries,
        "total": total,
        "left_out": total - len(entries),
        "online_url": online_url,
        "made_at": timezone.now(),
        "max_practices": MAX_PRACTICES,
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("style.css", render_to_string("practices/pack/style.css"))
        archive.writestr("index.html", render_to_string("practices/pack/index.html", context))
        for entry in entries:
            page = render_to_string(
                "practices/pack/practice.html",
                {
                    **context,
                    "entry": entry,
                    "practice": entry.practice,
                    "online": request.build_absolute_uri(entry.practice.get_absolute_url()),
                    "online_files": [
                        (a, request.build_absolute_uri(a.get_absolute_url()))
                        for a in entry.online_files
                    ],
                },
            )
            archive.writestr(entry.page, page)
            for attachment, path in entry.pdfs:
                # PDFs are compressed already: stored as they are.
                info = zipfile.ZipInfo(path, date_time=timezone.now().timetuple()[:6])
                info.compress_type = zipfile.ZIP_STORED
                with attachment.file.open("rb") as source, archive.open(info, "w") as copy:
                    for chunk in iter(lambda: source.read(64 * 1024), b""):
                        copy.write(chunk)


def pack_response(
    request: HttpRequest,
    queryset: QuerySet[Practice],
    *,
    title: str,
    online_path: str,
    filename: str,
) -> FileResponse:
    """The pack of the practices of ``queryset`` this person may read, as a download."""
    practices, total = pack_practices(request.user, queryset)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (FileResponse closes it)
    write_pack(
        spool,
        request=request,
        practices=practices,
        total=total,
        title=title,
        online_url=request.build_absolute_uri(online_path),
    )
    spool.seek(0)
    response = FileResponse(spool, as_attachment=True, filename=filename)
    response["Content-Type"] = "application/zip"
    # What is in it depends on who asks: no shared cache keeps it.
    response["Cache-Control"] = "private, no-store"
    return response


def theme_practices(theme: Theme) -> QuerySet[Practice]:
    return Practice.objects.filter(Q(themes=theme) | Q(themes__parent=theme)).distinct()


def theme_pack(request: HttpRequest, slug: str) -> FileResponse:
    theme = get_object_or_404(Theme, slug=slug)
    return pack_response(
        request,
        theme_practices(theme),
        title=theme.name,
        online_path=theme.get_absolute_url(),
        filename=f"palabre-{theme.slug}.zip",
    )
