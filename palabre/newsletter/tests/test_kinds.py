"""Every kind of item a draft gathers — open questions, featured items, completed
adoptions, notable feedback — is shown to a reader only when its own rule lets them see
it, with a title and a link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.discussions.models import Space, Thread
from palabre.newsletter import kinds, services
from palabre.recognition.models import Feature

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(scene, author, outsider, facilitator, org_a, org_b):
    today = timezone.localdate()
    secret_space = Space.objects.create(kind="practice", practice=scene.a_only)
    shared_space = Space.objects.create(kind="practice", practice=scene.network)
    return {
        "secret_question": Thread.objects.create(
            space=secret_space, kind="question", title="Qui garde la clé ?", body="?",
            author=author,
        ),
        "question": Thread.objects.create(
            space=shared_space, kind="question", title="Combien de sacs par magasin ?",
            body="Nous hésitons.", author=outsider,
        ),
        "secret_feature": Feature.objects.create(
            kind="practice", practice=scene.a_only, reason="Un exemple pour l'ADB",
            starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=7),
            featured_by=facilitator,
        ),
        "feature": Feature.objects.create(
            kind="organisation", organisation=org_b, reason="Dix ans de partage",
            starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=7),
            featured_by=facilitator,
        ),
        "adoption": Adoption.objects.create(
            practice=scene.network, organisation=org_b, started_on=today - timedelta(days=90),
            ended_on=today - timedelta(days=2), status="completed",
            adaptations="Un magasin plus petit.",
        ),
        "secret_adoption": Adoption.objects.create(
            practice=scene.a_only, organisation=org_a, started_on=today - timedelta(days=90),
            ended_on=today - timedelta(days=2), status="completed",
        ),
    }  # fmt: skip


def test_each_kind_is_gathered_and_shown_only_to_who_may_see_it(
    activity, scene, facilitator, author, outsider
):
    today = timezone.localdate()
    report = FeedbackReport.objects.create(
        adoption=activity["adoption"], reported_on=today, effectiveness=5,
        results="Les prix ont doublé.", would_recommend=True, status_at_report="completed",
        visibility="organisation",
    )  # fmt: skip
    issue = services.issue_create(
        by=facilitator, title="Tout", period_start=today - timedelta(days=30), period_end=today
    )
    gathered = {(i.kind, i.object_id) for i in issue.items.all()}
    for key, kind in (
        ("secret_question", "question"), ("question", "question"),
        ("secret_feature", "feature"), ("feature", "feature"),
        ("adoption", "adoption"), ("secret_adoption", "adoption"),
    ):  # fmt: skip
        assert (kind, activity[key].pk) in gathered, key
    assert ("feedback", report.pk) in gathered

    def titles(person):
        return {s.title: s for s in kinds.shown_items(issue.items.all(), person)}

    for_b = titles(outsider)
    assert "Combien de sacs par magasin ?" in for_b
    assert "Qui garde la clé ?" not in for_b
    assert "Association Tchadienne pour l'Eau" in for_b  # the featured organisation
    assert for_b["Association Tchadienne pour l'Eau"].plain == "Dix ans de partage"
    assert "Secret de Bafut" not in for_b  # neither as a practice nor as a feature
    completed = (
        "Association Tchadienne pour l'Eau a mené à bien « Le warrantage pour tout le réseau »"
    )
    assert completed in for_b and for_b[completed].url.startswith("/")
    feedback = "Association Tchadienne pour l'Eau sur « Le warrantage pour tout le réseau » : 5/5"
    assert feedback in for_b  # B's own organisation-only report
    assert not any("Bafut" in title for title in for_b)  # nothing of A's own

    for_a = titles(author)
    assert "Qui garde la clé ?" in for_a and "Secret de Bafut" in for_a
    assert feedback in for_a  # the practice's author reads reports on it
    assert "Association pour le Développement de Bafut a mené à bien « Secret de Bafut »" in for_a
