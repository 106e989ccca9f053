"""A small world around the author: what they wrote, gave and received in several apps, and
what their colleague keeps private next to it (which the author's archive must not hold)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from palabre.accounts.reauth import SESSION_KEY

ATTACHMENT_BYTES = b"%PDF-1.4 rapport de l'auteur\n" + bytes(range(256)) * 4


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class World:
    published: Any
    draft: Any
    shared_draft: Any
    colleague_draft: Any
    attachment: Any
    workshop: Any
    thread: Any
    answer: Any
    token: Any


def upload(record: Any, name: str, content: bytes) -> Any:
    record.original_name = name
    record.content_type = "application/pdf"
    record.size = len(content)
    record.file.save(name, ContentFile(content), save=False)
    record.save()
    return record


@pytest.fixture
def world(author, colleague, facilitator, org_a, make_practice) -> World:
    from palabre.accounts.services import api_token_create
    from palabre.adoptions.models import Adoption, FeedbackReport
    from palabre.discussions.models import Answer, Space, Thread
    from palabre.learning.models import LearningWish
    from palabre.notifications.models import Notification
    from palabre.practices.models import Attachment
    from palabre.recognition.models import Thanks
    from palabre.themes.models import Theme
    from palabre.workshops.models import Evaluation, Registration, Workshop

    published = make_practice(author, title="Le warrantage à Ngaoundéré")
    draft = make_practice(author, title="Mon brouillon de fiche", status="draft")
    shared_draft = make_practice(author, title="Brouillon écrit à deux", status="draft")
    shared_draft.authors.add(colleague)
    colleague_draft = make_practice(
        colleague, title="Brouillon secret de Colin", status="draft", summary="Texte privé de Colin"
    )
    attachment = upload(
        Attachment(practice=draft, kind="document", uploaded_by=author),
        "rapport de terrain.pdf",
        ATTACHMENT_BYTES,
    )

    day = timezone.localdate() - timedelta(days=2)
    workshop = Workshop.objects.create(
        title="Atelier d'échanges de Bafut",
        objectives="- Partager",
        start_date=day,
        end_date=day,
        status="published",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    for person, useful in ((author, "Les carrefours"), (colleague, "Le repas de Colin")):
        Registration.objects.create(workshop=workshop, person=person, notes=f"Note de {person}")
        Evaluation.objects.create(
            workshop=workshop, person=person, overall=4, most_useful=useful, to_improve="Rien"
        )

    theme = Theme.objects.get(slug="epargne-microfinance")
    space, _created = Space.objects.get_or_create(kind="theme", theme=theme)
    thread = Thread.objects.create(
        space=space,
        author=colleague,
        title="Comment stocker le maïs ?",
        body="Question détaillée de Colin, ses mots à lui",
    )
    answer = Answer.objects.create(thread=thread, author=author, body="Sur une butte, au sec.")
    their_answer = Answer.objects.create(thread=thread, author=colleague, body="Avec des sacs.")

    adoption = Adoption.objects.create(
        practice=published, organisation=org_a, started_on=day, created_by=author, team="Équipe A"
    )
    FeedbackReport.objects.create(
        adoption=adoption,
        reported_on=day,
        effectiveness=5,
        results="Prix meilleurs",
        would_recommend=True,
        status_at_report="in_progress",
        created_by=author,
    )
    Thanks.objects.create(
        giver=colleague, kind="practice", object_id=published.pk, message="Merci !"
    )
    Thanks.objects.create(giver=author, kind="answer", object_id=their_answer.pk, message="Bien vu")
    LearningWish.objects.create(person=author, theme=theme, note="Apprendre le warrantage")
    Notification.objects.create(recipient=author, kind="x", title="Pour Awa seulement")
    Notification.objects.create(recipient=colleague, kind="x", title="Pour Colin seulement")
    token, _secret = api_token_create(user=author, name="Mon tableur")
    return World(
        published=published,
        draft=draft,
        shared_draft=shared_draft,
        colleague_draft=colleague_draft,
        attachment=attachment,
        workshop=workshop,
        thread=thread,
        answer=answer,
        token=token,
    )


def stale(client) -> None:
    """Make the client's proof of identity too old: sensitive pages ask for it again."""
    session = client.session
    session[SESSION_KEY] = 0
    session.save()
