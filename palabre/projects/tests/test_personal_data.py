"""A person's archive holds their team roles and their own exchange messages; erasure
deletes the roles, clears them as contact and keeps the teams' conversation."""

from __future__ import annotations

from palabre.projects import personal_data, services
from palabre.projects.models import ExchangeMessage, Project, ProjectMember


def test_archive_and_erasure(author, colleague, outsider, org_a, org_b):
    water = services.project_create(
        by=author, organisation=org_a, name="Eau potable à Bafut", contact=colleague
    )
    services.team_add(project=water, by=author, person=colleague, role="Animateur")
    theirs = services.project_create(by=outsider, organisation=org_b, name="Eau à Moundou")
    exchange = services.exchange_propose(
        from_project=theirs,
        to_project=water,
        by=outsider,
        kind="call",
        subject="Comités",
        body="Parlons-en.",
    )
    services.exchange_post(exchange=exchange, by=colleague, body="Volontiers, mardi ?")

    archive = personal_data.export(colleague)
    assert archive["team_roles"][0]["role"] == "Animateur"
    assert archive["contact_of"] == ["Eau potable à Bafut"]
    assert [m["body"] for m in archive["exchange_messages"]] == ["Volontiers, mardi ?"]
    assert "Parlons-en." not in str(archive)  # another person's message
    assert personal_data.export(outsider)["exchanges_proposed"][0]["subject"] == "Comités"

    counts = personal_data.erase(colleague)
    assert counts == {
        "project_team_roles_deleted": 1,
        "project_contacts_cleared": 1,
        "exchange_messages_kept": 1,
    }
    assert not ProjectMember.objects.filter(person=colleague).exists()
    assert Project.objects.get(pk=water.pk).contact is None
    assert ExchangeMessage.objects.filter(author=colleague).count() == 1
