"""The certificate of participation in a training session, as a PDF (WeasyPrint), for a
person marked present at it (the caller fetched the session with
``rules.certificate_session_for``). Written in the person's own language; everything is
inline, rendering never fetches anything."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from palabre.learning.models import TrainingSession, duration_text
from palabre.learning.selectors.sessions import trainers_of


def _inline_only() -> URLFetcher:
    return URLFetcher(allowed_protocols={"data"})


def certificate_language(person: Any) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    return language if language in known else settings.LANGUAGE_CODE


def certificate_context(session: TrainingSession, person: Any) -> dict[str, Any]:
    workshop, training = session.workshop, session.training
    membership = person.memberships.select_related("organisation").order_by("pk").first()
    return {
        "person": person,
        "organisation": membership.organisation if membership else None,
        "session": session,
        "training": training,
        "workshop": workshop,
        "trainers": trainers_of(session),
        "duration": duration_text(training.duration_minutes),
        "place": workshop.place,
        "online": bool(workshop.online_url) and not workshop.place,
        "issued_on": timezone.localdate(),
    }


def certificate_pdf(session: TrainingSession, person: Any) -> bytes:
    """The certificate, in the person's language."""
    with translation.override(certificate_language(person)):
        html = render_to_string(
            "learning/sessions/certificate_pdf.html", certificate_context(session, person)
        )
    return HTML(string=html, url_fetcher=_inline_only()).write_pdf()


def certificate_filename(session: TrainingSession) -> str:
    return f"certificate-{session.pk}.pdf"
