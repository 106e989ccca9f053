"""The attestation as a PDF, with WeasyPrint: in its own language, with its verification
address and a QR code of it. Everything is inline: rendering never fetches anything."""

from __future__ import annotations

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from palabre.recognition.models import Attestation
from palabre.recognition.selectors.attestations import statement_of


def _inline_only() -> URLFetcher:
    return URLFetcher(allowed_protocols={"data"})


def verification_url(attestation: Attestation) -> str:
    return settings.SITE_URL + attestation.verification_path()


def qr_svg(url: str, *, scale: int = 4) -> str:
    """The address as an inline SVG QR code (for pages)."""
    return segno.make(url, error="m").svg_inline(scale=scale, dark="#1d2320")


def qr_data_uri(url: str) -> str:
    """The address as a QR code in a data: URL (for the PDF)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#1d2320")


def attestation_pdf(attestation: Attestation) -> bytes:
    """The PDF of what ``attestation.statement`` states, in the attestation's language."""
    url = verification_url(attestation)
    with translation.override(attestation.language):
        html = render_to_string(
            "recognition/attestations/pdf.html",
            {
                "attestation": attestation,
                "statement": statement_of(attestation),
                "verification_url": url,
                "qr": qr_data_uri(url),
            },
        )
    return HTML(string=html, url_fetcher=_inline_only()).write_pdf()
