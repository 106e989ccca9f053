"""The fiche as a PDF, for printing and reading offline, with WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML

from palabre.practices.models import Practice


def _no_fetching(url: str, *args, **kwargs):
    # Everything the PDF needs is inline: it never fetches anything, anywhere.
    raise ValueError(f"PDF rendering does not fetch {url}")


def practice_pdf(practice: Practice, *, request=None) -> bytes:
    html = render_to_string(
        "practices/pdf.html",
        {
            "practice": practice,
            "steps": practice.steps.all(),
            "authors": practice.authors.all(),
            "partners": practice.partners.all(),
            "themes": practice.themes.all(),
            "attachments": practice.attachments.all(),
        },
        request=request,
    )
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()
