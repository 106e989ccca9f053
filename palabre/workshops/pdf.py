"""The agenda and the workshop report as PDFs, with WeasyPrint (inline styles, nothing fetched)."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def _inline_only() -> URLFetcher:
    # Everything the PDF needs is inline (photos as data: URLs): it never fetches anything.
    return URLFetcher(allowed_protocols={"data"})


def data_url(field) -> str:
    """A stored image, inline, for a PDF."""
    import base64

    if not field:
        return ""
    with field.open("rb") as handle:
        return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode()


def render_pdf(template: str, context: dict, request=None) -> bytes:
    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=_inline_only()).write_pdf()
