"""`palabre demo` brings the Douala 2024 partners' meeting and an upcoming workshop."""

import pytest
from django.core.management import call_command

from palabre.practices.models import Practice
from palabre.workshops.models import (
    CollectiveAction,
    Evaluation,
    GroupMember,
    Registration,
    Restitution,
    Session,
    Workshop,
)
from palabre.workshops.tests.helpers import text


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)
    return {
        "douala": Workshop.objects.get(external_id="demo:atelier-partenaires-douala-2024"),
        "upcoming": Workshop.objects.get(external_id="demo:atelier-ngaoundere-agriculture"),
    }


def test_the_douala_meeting_is_complete(demo):
    douala = demo["douala"]
    assert douala.title == "Atelier des partenaires, Douala 2024" and douala.is_past
    kinds = set(douala.sessions.values_list("kind", flat=True))
    assert kinds == {"plenary", "presentation", "group_work", "restitution", "evaluation", "break"}
    groups = douala.sessions.filter(kind="group_work")
    assert groups.count() == 6
    for group in groups:
        members = set(group.members.values_list("pk", flat=True))
        assert len(members) >= 5 and group.rapporteur_id in members
    presented = douala.sessions.filter(kind="presentation", presented_practice__status="published")
    assert presented.count() == 5
    assert Restitution.objects.filter(session__workshop=douala, status="final").count() == 7
    assert CollectiveAction.objects.filter(workshop=douala).overdue().exists()
    assert Evaluation.objects.filter(workshop=douala).count() >= 12
    drafted = Restitution.objects.exclude(practice=None).get(session__workshop=douala)
    assert drafted.practice.status == "draft"
    assert douala.report_shared_at is not None


def test_the_upcoming_workshop_is_open_for_registration(demo, client):
    upcoming = demo["upcoming"]
    assert upcoming.registration_is_open and upcoming.visibility == "public"
    assert upcoming.sessions.filter(kind="group_work").count() == 3
    assert not GroupMember.objects.filter(session__workshop=upcoming).exists()
    page = text(client.get(upcoming.get_absolute_url()))
    assert "inscriptions ouvertes" in page and "Se connecter pour s'inscrire" in page


def test_demo_runs_twice_without_duplicating(demo):
    counts = (
        Workshop.objects.count(), Session.objects.count(), Registration.objects.count(),
        Restitution.objects.count(), CollectiveAction.objects.count(), Practice.objects.count(),
        GroupMember.objects.count(), Evaluation.objects.count(),
    )  # fmt: skip
    call_command("demo", verbosity=0)
    assert counts == (
        Workshop.objects.count(), Session.objects.count(), Registration.objects.count(),
        Restitution.objects.count(), CollectiveAction.objects.count(), Practice.objects.count(),
        GroupMember.objects.count(), Evaluation.objects.count(),
    )  # fmt: skip


def test_demo_pages_open_for_the_facilitator(demo, client_for):
    from palabre.accounts.models import User

    douala = demo["douala"]
    client = client_for(User.objects.get(email="animatrice@palabre.example"))
    for suffix in (
        "",
        "agenda/",
        "participants/",
        "actions/",
        "evaluation/results/",
        "report/",
        "groups/",
    ):
        assert client.get(f"/workshops/{douala.pk}/{suffix}").status_code == 200, suffix
    report = text(client.get(f"/workshops/{douala.pk}/report/"))
    assert "Carrefour 1 : épargne et accès au crédit" in report
    assert "Le crédit marche quand il s'appuie sur une épargne" in report
