"""What a person's archive holds from meetings, and what erasure removes."""

from __future__ import annotations

import pytest

from palabre.meetings import personal_data, services
from palabre.meetings.models import Proposal
from palabre.meetings.tests.conftest import past_date

pytestmark = pytest.mark.django_db


def test_export_and_erase_proposals(meeting, author, colleague, facilitator):
    coming = meeting.occurrences.get()
    held = past_date(meeting, by=facilitator)
    Proposal.objects.create(
        occurrence=held, person=author, title="Donné", status=Proposal.Status.ACCEPTED
    )
    services.proposal_create(occurrence=coming, by=author, title="À venir")
    services.invitation_create(occurrence=coming, by=facilitator, person=colleague, reason="R")
    archive = personal_data.export(author)
    assert sorted(p["title"] for p in archive["proposals"]) == ["Donné", "À venir"]
    assert personal_data.export(colleague)["proposals"][0]["reason"] == "R"
    assert personal_data.export(facilitator)["meetings_set_up"][0]["title"] == "Café Palabre"
    counts = personal_data.erase(author)
    assert counts == {"meeting_proposals_deleted": 1, "meeting_presentations_kept": 1}
    assert list(Proposal.objects.filter(person=author).values_list("title", flat=True)) == ["Donné"]
    assert Proposal.objects.filter(person=colleague).count() == 1  # someone else's: kept
