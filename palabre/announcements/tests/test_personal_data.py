"""A person's archive holds what they saw and hid; erasure deletes it (counts shrink)."""

from __future__ import annotations

from palabre.announcements import personal_data
from palabre.announcements.models import Mark


def test_export_and_erase(publish, client_for, facilitator, author, colleague):
    a = publish(facilitator, title="Vue et cachée")
    client_for(author).get("/practices/")
    client_for(colleague).get("/practices/")
    client_for(author).post(f"/announcements/{a.pk}/dismiss/")
    archive = personal_data.export(author)
    assert [m["announcement"] for m in archive["announcements_seen"]] == ["Vue et cachée"]
    assert archive["announcements_seen"][0]["dismissed_at"]
    assert personal_data.export(facilitator)["announcements_written"][0]["title"] == "Vue et cachée"
    assert personal_data.erase(author) == {
        "announcement_marks_deleted": 1,
        "announcement_emails_deleted": 0,
    }
    assert list(Mark.objects.values_list("user_id", flat=True)) == [colleague.pk]
