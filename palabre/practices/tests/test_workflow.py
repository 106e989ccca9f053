"""Draft → submitted → changes requested ↔ submitted → published → archived, with revisions."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from palabre.audit.models import AuditEvent
from palabre.notifications.models import Notification
from palabre.practices.models import Practice, Revision


def test_member_writes_a_draft_section_by_section(client_for, author, org_a):
    client = client_for(author)
    response = client.post(
        "/practices/new/",
        {
            "title": "Les comités de gestion des points d'eau",
            "kind": "lesson_learned",
            "language": "fr",
            "lead_organisation": org_a.pk,
        },
    )
    practice = Practice.objects.get()
    assert response["Location"] == f"/practices/{practice.pk}/edit/identity/"
    assert practice.status == "draft" and list(practice.authors.all()) == [author]
    response = client.post(
        f"/practices/{practice.pk}/edit/context/",
        {
            "version": practice.version,
            "context": "Les forages tombent en panne.",
            "objectives": "- Réparer vite",
            "next_section": "approach",
        },
    )
    assert response["Location"] == f"/practices/{practice.pk}/edit/approach/"
    practice.refresh_from_db()
    assert practice.context == "Les forages tombent en panne." and practice.version == 2


def test_submitting_with_empty_sections_says_which(client_for, make_practice, author):
    practice = make_practice(author, status="draft", results="", replication="")
    response = client_for(author).post(f"/practices/{practice.pk}/submit/")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Résultats" in body and "Reproduction" in body
    practice.refresh_from_db()
    assert practice.status == "draft"


def test_full_review_cycle(
    client_for, make_practice, author, facilitator, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author, status="draft")
    writer, reviewer = client_for(author), client_for(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        assert writer.post(f"/practices/{practice.pk}/submit/").status_code == 302
    assert Notification.objects.filter(recipient=facilitator, kind="practice.submitted").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(
            f"/practices/{practice.pk}/request-changes/",
            {"message": "Merci !", "comment_results": "Donnez des chiffres par village."},
        )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == "changes_requested"
    told = Notification.objects.get(recipient=author, kind="practice.changes_requested")
    assert "Modifications demandées" in told.title
    run_tasks()
    assert any("Modifications demandées" in m.subject for m in mail.outbox)
    page = writer.get(practice.get_absolute_url()).content.decode()
    assert "Donnez des chiffres par village." in page

    writer.post(
        f"/practices/{practice.pk}/edit/results/",
        {
            "version": practice.version,
            "results": "Village A : 120 ; village B : 192.",
            "success_factors": "",
        },
    )
    assert writer.post(f"/practices/{practice.pk}/submit/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            reviewer.post(f"/practices/{practice.pk}/publish/", {"note": "Première"}).status_code
            == 302
        )
    practice.refresh_from_db()
    assert practice.status == "published"
    assert practice.review_by == timezone.localdate() + timedelta(days=730)
    revision = Revision.objects.get(practice=practice)
    assert revision.number == 1 and revision.data["results"] == "Village A : 120 ; village B : 192."
    assert Notification.objects.filter(recipient=author, kind="practice.published").exists()
    actions = set(
        AuditEvent.objects.filter(target_id=str(practice.pk)).values_list("action", flat=True)
    )
    assert {"practice.submitted", "practice.changes_requested", "practice.published"} <= actions


def test_a_draft_cannot_be_published_without_review(client_for, make_practice, author, facilitator):
    practice = make_practice(author, status="draft")
    for status in ("draft", "changes_requested"):
        Practice.objects.filter(pk=practice.pk).update(status=status)
        response = client_for(facilitator).post(f"/practices/{practice.pk}/publish/")
        assert response.status_code == 409
        assert "soumise pour relecture" in response.content.decode()
    assert not Revision.objects.exists()


def test_only_facilitators_publish(client_for, make_practice, author, org_admin):
    practice = make_practice(author, status="submitted")
    for user in (author, org_admin):
        assert client_for(user).post(f"/practices/{practice.pk}/publish/").status_code == 403
    practice.refresh_from_db()
    assert practice.status == "submitted"


def test_request_changes_needs_a_comment(client_for, make_practice, author, facilitator):
    practice = make_practice(author, status="submitted")
    response = client_for(facilitator).post(
        f"/practices/{practice.pk}/request-changes/", {"message": ""}
    )
    assert response.status_code == 400
    practice.refresh_from_db()
    assert practice.status == "submitted"


def test_published_practice_is_not_edited_in_place(client_for, make_practice, author):
    practice = make_practice(author)
    client = client_for(author)
    response = client.post(
        f"/practices/{practice.pk}/edit/results/", {"version": practice.version, "results": "x"}
    )
    assert response.status_code == 302  # sent back to the page with an explanation
    practice.refresh_from_db()
    assert practice.results != "x"


def test_new_version_replaces_the_published_text_after_review(
    client_for, make_practice, author, facilitator
):
    from palabre.practices.services import practice_publish

    practice = make_practice(author, status="submitted")
    practice_publish(practice=practice, by=facilitator)
    writer = client_for(author)
    response = writer.post(f"/practices/{practice.pk}/new-version/")
    draft = Practice.objects.get(revises=practice)
    assert response["Location"] == f"/practices/{draft.pk}/edit/identity/"
    writer.post(
        f"/practices/{draft.pk}/edit/lessons/",
        {"version": draft.version, "lessons": "Nouvelle leçon", "sustainability": ""},
    )
    # Readers still see the published text meanwhile.
    assert (
        "Nouvelle leçon"
        not in client_for(facilitator).get(practice.get_absolute_url()).content.decode()
    )
    writer.post(f"/practices/{draft.pk}/submit/")
    client_for(facilitator).post(f"/practices/{draft.pk}/publish/", {"note": "Leçon ajoutée"})
    practice.refresh_from_db()
    assert practice.lessons == "Nouvelle leçon"
    assert not Practice.objects.filter(pk=draft.pk).exists()
    assert list(practice.revisions.values_list("number", flat=True)) == [2, 1]
    diff = client_for(author).get(f"/practices/{practice.pk}/diff/?a=1&b=2").content.decode()
    assert "<ins>Nouvelle" in diff and "<del>" in diff


def test_archived_practice_leaves_lists_and_can_come_back(
    client_for, make_practice, author, org_admin, facilitator, colleague
):
    practice = make_practice(author, title="Pratique à archiver")
    assert client_for(org_admin).post(f"/practices/{practice.pk}/archive/").status_code == 302
    assert "Pratique à archiver" not in client_for(colleague).get("/practices/").content.decode()
    assert client_for(colleague).get(practice.get_absolute_url()).status_code == 404
    assert client_for(facilitator).post(f"/practices/{practice.pk}/unarchive/").status_code == 302
    assert "Pratique à archiver" in client_for(colleague).get("/practices/").content.decode()


def test_translation_is_linked_both_ways_and_reviewed_on_its_own(
    client_for, make_practice, author, colleague
):
    practice = make_practice(author, title="Le warrantage")
    response = client_for(author).post(f"/practices/{practice.pk}/translate/", {"language": "en"})
    translation = Practice.objects.get(translation_of=practice)
    assert (
        response.status_code == 302
        and translation.status == "draft"
        and translation.language == "en"
    )
    translation.status = "published"
    translation.last_published_at = timezone.now()
    translation.title = "Warehouse receipts"
    translation.save()
    original_page = client_for(colleague).get(practice.get_absolute_url()).content.decode()
    assert (
        f'href="/practices/{translation.pk}/"' in original_page
        and "Read in English" in original_page
    )
    translated_page = client_for(colleague).get(translation.get_absolute_url()).content.decode()
    assert f'href="/practices/{practice.pk}/"' in translated_page
    again = client_for(author).post(f"/practices/{practice.pk}/translate/", {"language": "en"})
    assert again.status_code == 409


def test_review_date_reminds_authors_and_shows_to_readers(
    client_for, make_practice, author, colleague
):
    from palabre.practices.services import practices_remind_review

    practice = make_practice(author, review_by=timezone.localdate() - timedelta(days=1))
    assert (
        "devait être revue"
        in client_for(colleague).get(practice.get_absolute_url()).content.decode()
    )
    assert practices_remind_review() == 1
    assert practices_remind_review() == 0  # asked once
    assert Notification.objects.filter(recipient=author, kind="practice.review_due").exists()
    assert client_for(author).post(f"/practices/{practice.pk}/revalidate/").status_code == 302
    practice.refresh_from_db()
    assert practice.review_by > timezone.localdate() + timedelta(days=700)


def test_review_reminders_run_daily_from_the_worker(db):
    from palabre.core import schedule

    assert "practices.review_reminders" in schedule.registered()
    assert "practices.review_reminders" in schedule.run_due_jobs()
    assert "practices.review_reminders" not in schedule.run_due_jobs()  # once a day


def test_outsider_cannot_submit_or_edit(client_for, make_practice, author, outsider):
    practice = make_practice(author, status="draft", visibility="public")
    client = client_for(outsider)
    assert client.post(f"/practices/{practice.pk}/submit/").status_code == 404
    assert (
        client.post(f"/practices/{practice.pk}/edit/context/", {"context": "x"}).status_code == 404
    )
    practice.refresh_from_db()
    assert practice.status == "draft" and practice.context != "x"


def test_authors_see_how_their_practice_is_used(
    client_for, client, make_practice, author, settings, tmp_path
):
    from palabre.practices.readership import readership_flush

    settings.READERSHIP_DIR = tmp_path
    practice = make_practice(author, visibility="public")
    client.get(practice.get_absolute_url())
    client.get(practice.get_absolute_url())
    client.get(f"/practices/{practice.pk}/pdf/")
    readership_flush(now=timezone.now() + timedelta(minutes=2))  # as the worker does
    page = client_for(author).get(practice.get_absolute_url())
    stats = page.context["statistics"]
    assert stats["view"]["total"] == 2 and stats["pdf"]["total"] == 1
    assert "Comment elle est utilisée" in page.content.decode()


def test_publication_is_announced_after_commit(
    make_practice, author, facilitator, django_capture_on_commit_callbacks
):
    from palabre.practices.services import practice_publish
    from palabre.practices.signals import practice_published

    heard = []

    def receiver(sender, practice, revision, by, first_publication, **kwargs):
        heard.append((practice.pk, revision.number, by, first_publication))

    practice_published.connect(receiver)
    try:
        practice = make_practice(author, status="submitted")
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            practice_publish(practice=practice, by=facilitator)
        assert heard == []  # nothing before the commit
        for callback in callbacks:
            callback()
        assert heard == [(practice.pk, 1, facilitator, True)]
    finally:
        practice_published.disconnect(receiver)
