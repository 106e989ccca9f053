"""The participant handout of a training as a PDF (WeasyPrint), to print and read offline:
its objectives, its content (the practices' steps as the trainers edited them), the
handout text and the checklist. Everything is inline: rendering never fetches anything."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from palabre.learning.models import Training


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Everything the PDF needs is inline: it never fetches anything, anywhere.
    raise ValueError(f"PDF rendering does not fetch {url}")


def handout_pdf(
    training: Training, *, practices: list[Any], themes: list[Any], request=None
) -> bytes:
    """The handout; ``practices`` are those the reader may see (listed by title)."""
    html = render_to_string(
        "learning/trainings/handout.html",
        {
            "training": training,
            "practices": practices,
            "themes": themes,
            "checklist": training.checklist_items(),
            "language": translation.get_language(),
        },
        request=request,
    )
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()
